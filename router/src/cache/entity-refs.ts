// Finds the entities inside a subgraph answer, so a cache entry can be indexed under every entity
// it holds ("Product:p1", and "Variant:v1#availability" for fields with their own policy) and an
// invalidation for any of them deletes it. An object without an `id` is covered by its nearest
// ancestor's ref (catalog events about a variant also name its product); a root object of a cached
// type with neither an `id` in the answer nor an `id` argument cannot be indexed, so the entry is
// not stored (see `indexable`).
import type { FieldNode, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, SelectionSetNode } from "graphql";
import type { FetchShape } from "./fetch-shape.js";

export const refOf = (type: string, id: string) => `${type}:${id}`;

export interface EntityRefs {
  refs: Set<string>;
  indexable: boolean;
}

type Json = Record<string, unknown>;

const unwrap = (type: unknown): GraphQLNamedType => {
  let current = type as { ofType?: unknown };
  while (current.ofType) current = current.ofType as { ofType?: unknown };
  return current as GraphQLNamedType;
};

export function collectRefs(
  value: unknown,
  shape: FetchShape,
  schema: GraphQLSchema,
  options: {
    hintedFields: readonly string[];
    cachedTypes: ReadonlySet<string>;
    variables: Json;
    /** The representation's entity, for `_entities` answers; absent for root fields. */
    entity?: { type: string; id: string };
  },
): EntityRefs {
  const result: EntityRefs = { refs: new Set(), indexable: true };
  const add = (type: string, id: string) => {
    result.refs.add(refOf(type, id));
    for (const coordinate of options.hintedFields)
      if (coordinate.startsWith(`${type}.`)) result.refs.add(`${refOf(type, id)}#${coordinate.slice(type.length + 1)}`);
  };

  const walk = (
    node: unknown,
    set: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    covered: boolean,
    argId?: string,
  ) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, set, type, covered, undefined);
      return;
    }
    const object = node as Json;
    const typename = typeof object.__typename === "string" ? object.__typename : type?.name;
    const concrete = typename ? schema.getType(typename) : type;
    const id = typeof object.id === "string" || typeof object.id === "number" ? String(object.id) : argId;
    let isCovered = covered;
    if (typename && id !== undefined) {
      add(typename, id);
      isCovered = true;
    } else if (typename && options.cachedTypes.has(typename) && !covered) result.indexable = false;
    visitSelections(object, set, concrete ?? type, isCovered);
  };

  const visitSelections = (
    object: Json,
    set: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    covered: boolean,
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        if (!selection.selectionSet) continue;
        const definition =
          type && "getFields" in type ? (type as GraphQLObjectType).getFields()[selection.name.value] : undefined;
        const key = selection.alias?.value ?? selection.name.value;
        walk(object[key], selection.selectionSet, definition ? unwrap(definition.type) : undefined, covered, undefined);
      } else {
        const fragment = selection.kind === "FragmentSpread" ? shape.fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition?.name.value;
        const typename = typeof object.__typename === "string" ? object.__typename : type?.name;
        if (condition && typename && condition !== typename) {
          const abstract = schema.getType(condition);
          const concrete = schema.getType(typename);
          if (!abstract || !concrete || !("getTypes" in abstract || "getInterfaces" in abstract)) continue;
          if (!schema.isSubType(abstract as never, concrete as never)) continue;
        }
        visitSelections(object, fragment.selectionSet, type, covered);
      }
    }
  };

  if (options.entity) {
    add(options.entity.type, options.entity.id);
    walk(value, shape.selectionSet, undefined, true);
  } else {
    // Root fields: an `id` argument names the returned entity even when the answer omits its id.
    const data = value as Json;
    const queryType = schema.getQueryType() ?? undefined;
    for (const selection of shape.selectionSet.selections) {
      if (selection.kind !== "Field" || !selection.selectionSet) continue;
      const definition = queryType?.getFields()[selection.name.value];
      walk(
        data[selection.alias?.value ?? selection.name.value],
        selection.selectionSet,
        definition ? unwrap(definition.type) : undefined,
        false,
        idArgument(selection, options.variables),
      );
    }
  }
  return result;
}

function idArgument(field: FieldNode, variables: Json): string | undefined {
  const argument = field.arguments?.find((arg) => arg.name.value === "id");
  if (!argument) return undefined;
  const { value } = argument;
  if (value.kind === "Variable") {
    const given = variables[value.name.value];
    return typeof given === "string" || typeof given === "number" ? String(given) : undefined;
  }
  return value.kind === "StringValue" || value.kind === "IntValue" ? value.value : undefined;
}
