// The representations an entity fetch sends: the fetch's `requires` selection (key and required
// fields, with type conditions) read out of each entity already in the result. Entities with the
// same representation (the same product under many reviews) are sent once and the answer is
// merged into each of them.
import type { QueryPlanSelectionNode } from "@apollo/query-planner";
import { mergeInto, ownValue, type ResultObject } from "./merge-into.js";
import type { TypeConditions } from "./type-conditions.js";

export interface RepresentationBatch {
  representations: ResultObject[];
  /** For representations[i], the entities it stands for (first = the one errors are reported at). */
  targets: ResultObject[][];
}

export function collectRepresentations(
  entities: readonly ResultObject[],
  requires: readonly QueryPlanSelectionNode[],
  types: TypeConditions,
  rewrite: (representation: ResultObject) => void,
): RepresentationBatch {
  const byKey = new Map<string, number>();
  const batch: RepresentationBatch = { representations: [], targets: [] };
  for (const entity of entities) {
    const representation = select(entity, requires, types);
    if (!representation || !representation.__typename) continue;
    rewrite(representation);
    const key = JSON.stringify(representation);
    const index = byKey.get(key);
    if (index !== undefined) {
      batch.targets[index]?.push(entity);
      continue;
    }
    byKey.set(key, batch.representations.length);
    batch.representations.push(representation);
    batch.targets.push([entity]);
  }
  return batch;
}

/** null when a selected field is missing: the entity cannot be represented (yet). */
function select(
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
  types: TypeConditions,
): ResultObject | null {
  if (source === null || typeof source !== "object") return null;
  const object = source as ResultObject;
  const result: ResultObject = {};
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const responseName = selection.alias ?? selection.name;
      const value = ownValue(object, responseName);
      if (value === undefined) return null;
      const sub = selection.selections;
      if (Array.isArray(value))
        result[responseName] = value.map((element) => (sub ? select(element, sub, types) : element));
      else result[responseName] = sub ? select(value, sub, types) : value;
    } else if (selection.typeCondition && types.matches(object, selection.typeCondition)) {
      const part = select(object, selection.selections, types);
      if (part) mergeInto(result, part);
    }
  }
  return result;
}
