// Where a plan node applies in the result: the path (with "@" for "every element of this list")
// and the objects it reaches, flattened into one list.
import type { ResponsePath } from "@apollo/query-planner";
import { isResultObject, ownValue, type ResultObject } from "./merge-into.js";

export interface ResultCursor {
  path: ResponsePath;
  /** The objects the path reaches; nulls and missing branches are left out. */
  objects: ResultObject[];
}

export function moveCursor(cursor: ResultCursor, relativePath: ResponsePath): ResultCursor {
  const objects: ResultObject[] = [];
  for (const object of cursor.objects) collectAt(object, relativePath, 0, objects);
  return { path: cursor.path.concat(relativePath), objects };
}

function collectAt(value: unknown, path: ResponsePath, depth: number, into: ResultObject[]): void {
  if (value === null || value === undefined) return;
  if (depth === path.length) {
    if (Array.isArray(value)) for (const element of value) collectAt(element, path, depth, into);
    else if (isResultObject(value)) into.push(value);
    return;
  }
  const segment = path[depth];
  if (segment === "@") {
    if (Array.isArray(value)) for (const element of value) collectAt(element, path, depth + 1, into);
    return;
  }
  if (isResultObject(value)) collectAt(ownValue(value, String(segment)), path, depth + 1, into);
}

/** The concrete path (list indexes instead of "@") of every object the cursor's path reaches. */
export function concretePaths(root: ResultObject, path: ResponsePath): Map<ResultObject, ResponsePath> {
  const paths = new Map<ResultObject, ResponsePath>();
  const walk = (value: unknown, depth: number, concrete: ResponsePath): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      const next = depth + (path[depth] === "@" ? 1 : 0);
      for (let index = 0; index < value.length; index++) walk(value[index], next, [...concrete, index]);
      return;
    }
    if (!isResultObject(value)) return;
    if (depth === path.length) {
      if (!paths.has(value)) paths.set(value, concrete);
      return;
    }
    const segment = String(path[depth]);
    walk(ownValue(value, segment), depth + 1, [...concrete, segment]);
  };
  walk(root, 0, []);
  return paths;
}
