// In-place merge of a subgraph's answer into the result being built. Objects merge key by key,
// lists of equal length element by element; anything else is replaced. Nothing is copied: the
// answer's own objects become part of the result (each fetch's answer is parsed for this request
// alone, so sharing them is safe).
export type ResultObject = Record<string, unknown>;

export function isResultObject(value: unknown): value is ResultObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an own property; a key such as `constructor` must not find Object.prototype's. */
export function ownValue(object: ResultObject, key: string): unknown {
  const value = object[key];
  if (value === undefined || typeof value === "function") return undefined;
  if (key === "__proto__") return Object.hasOwn(object, key) ? value : undefined;
  return value;
}

export function setOwn(object: ResultObject, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

export function mergeInto(target: ResultObject, source: ResultObject): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const existing = ownValue(target, key);
    if (isResultObject(existing) && isResultObject(value)) mergeInto(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length)
      mergeLists(existing, value);
    else setOwn(target, key, value);
  }
}

function mergeLists(target: unknown[], source: unknown[]): void {
  for (let index = 0; index < source.length; index++) {
    const existing = target[index];
    const value = source[index];
    if (isResultObject(existing) && isResultObject(value)) mergeInto(existing, value);
    else target[index] = value;
  }
}
