// Where a deferred part lands: every object its query path reaches in what the client has been
// sent so far (so nothing is sent under a parent that was nulled), paired with the fetched object
// it is shaped from. Then the part is merged into that client view, for the parts nested in it.
import type { ResponsePath } from "@apollo/query-planner";
import { isResultObject, mergeInto, ownValue, type ResultObject } from "./merge-into.js";
import type { TypeConditions } from "./type-conditions.js";

export interface DeferredTarget {
  path: ResponsePath;
  fetched: ResultObject;
}

export function deferredTargets(
  delivered: unknown,
  fetched: unknown,
  queryPath: readonly string[],
  types: TypeConditions,
): DeferredTarget[] {
  const targets: DeferredTarget[] = [];
  const walk = (sent: unknown, source: unknown, depth: number, path: ResponsePath): void => {
    if (sent === null || sent === undefined || source === null || source === undefined) return;
    if (Array.isArray(sent)) {
      if (!Array.isArray(source)) return;
      for (const [index, element] of sent.entries()) walk(element, source[index], depth, [...path, index]);
      return;
    }
    if (!isResultObject(sent) || !isResultObject(source)) return;
    if (depth === queryPath.length) {
      targets.push({ path, fetched: source });
      return;
    }
    const segment = queryPath[depth] as string;
    if (segment.startsWith("... on ")) {
      if (types.matches(source, segment.slice("... on ".length).trim(), true)) walk(sent, source, depth + 1, path);
      return;
    }
    walk(ownValue(sent, segment), ownValue(source, segment), depth + 1, [...path, segment]);
  };
  walk(delivered, fetched, 0, []);
  return targets;
}

/** Merges a delivered part into the client view at its path, as the client itself does. A copy:
 * parts merged later must not change a payload that may not have been written yet. */
export function mergeDelivered(view: ResultObject, path: ResponsePath, part: ResultObject): void {
  let at: unknown = view;
  for (const segment of path) at = (at as Record<string | number, unknown>)[segment];
  if (isResultObject(at)) mergeInto(at, structuredClone(part));
}
