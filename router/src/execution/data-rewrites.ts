// The planner's input/output rewrites of a fetch: set a value (e.g. an @interfaceObject's
// __typename) or rename a key (a field the planner had to alias) at a path whose elements are
// field names or "... on Type" conditions.
import type { FetchDataRewrite } from "@apollo/query-planner";
import { isResultObject, ownValue, type ResultObject, setOwn } from "./merge-into.js";
import type { TypeConditions } from "./type-conditions.js";

const FRAGMENT_PREFIX = "... on ";

export function applyRewrites(rewrites: FetchDataRewrite[] | undefined, value: unknown, types: TypeConditions): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parentPath = rewrite.path.slice(0, -1);
    const field = rewrite.path[rewrite.path.length - 1] as string;
    applyAtPath(parentPath, 0, value, types, (object) => {
      if (rewrite.kind === "ValueSetter") setOwn(object, field, rewrite.setValueTo);
      else {
        const renamed = ownValue(object, field);
        if (renamed) {
          setOwn(object, rewrite.renameKeyTo, renamed);
          object[field] = undefined;
        }
      }
    });
  }
}

function applyAtPath(
  path: string[],
  depth: number,
  value: unknown,
  types: TypeConditions,
  apply: (object: ResultObject) => void,
): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(path, depth, element, types, apply);
    return;
  }
  if (!isResultObject(value)) return;
  if (depth === path.length) {
    apply(value);
    return;
  }
  const element = path[depth] as string;
  if (element.startsWith(FRAGMENT_PREFIX)) {
    if (types.matches(value, element.slice(FRAGMENT_PREFIX.length), true))
      applyAtPath(path, depth + 1, value, types, apply);
  } else applyAtPath(path, depth + 1, ownValue(value, element), types, apply);
}
