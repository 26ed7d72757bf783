// Compares two answers to one operation, field by field along the operation's selections, so
// every difference is named by its schema coordinate ("Order.status") and response path: what a
// shadow read reports. Fields listed as ignored (ids and cursors each path mints its own way) are
// skipped with everything below them.
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLOutputType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType } from "../graphql-runtime.js";

export interface AnswerDifference {
  /** Response path, e.g. ["me", "orders", "edges", 3, "node", "status"]. */
  path: (string | number)[];
  /** "Type.field" of the differing value. */
  field: string;
  primary: unknown;
  shadow: unknown;
}

export interface DiffOptions {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  ignore: ReadonlySet<string>;
  /** At most this many differences are kept with their values (every differing field is counted). */
  maxDetails: number;
}

export interface AnswerDiff {
  /** Every field with at least one difference, once each. */
  fields: Set<string>;
  details: AnswerDifference[];
}

type Path = (string | number)[];

interface Walk {
  options: DiffOptions;
  diff: AnswerDiff;
}

export function diffAnswers(primary: unknown, shadow: unknown, options: DiffOptions): AnswerDiff {
  const root = options.schema.getRootType(options.operation.operation);
  const diff: AnswerDiff = { fields: new Set(), details: [] };
  if (!root) return diff;
  compareObject({ options, diff }, root, [options.operation.selectionSet], primary, shadow, []);
  return diff;
}

function record(walk: Walk, field: string, path: Path, primary: unknown, shadow: unknown): void {
  walk.diff.fields.add(field);
  if (walk.diff.details.length < walk.options.maxDetails) walk.diff.details.push({ path, field, primary, shadow });
}

function compareObject(
  walk: Walk,
  staticType: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  primary: unknown,
  shadow: unknown,
  path: Path,
): void {
  const a = primary as Record<string, unknown>;
  const b = shadow as Record<string, unknown>;
  const typename = (a.__typename ?? b.__typename) as string | undefined;
  const runtime = typename ? walk.options.schema.getType(typename) : undefined;
  const parent = runtime && isObjectType(runtime) ? runtime : staticType;
  for (const [key, { field, nodes }] of collectFields(walk.options, parent, selectionSets)) {
    const coordinate = `${parent.name}.${field.name}`;
    if (walk.options.ignore.has(coordinate)) continue;
    compareValue(walk, coordinate, field.type, nodes, a[key], b[key], [...path, key]);
  }
}

function compareValue(
  walk: Walk,
  coordinate: string,
  type: GraphQLOutputType,
  nodes: readonly FieldNode[],
  primary: unknown,
  shadow: unknown,
  path: Path,
): void {
  if (primary === null || shadow === null || primary === undefined || shadow === undefined) {
    if (primary !== shadow) record(walk, coordinate, path, primary, shadow);
    return;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const [a, b] = [primary as unknown[], shadow as unknown[]];
    if (a.length !== b.length) {
      record(walk, coordinate, path, `${a.length} items`, `${b.length} items`);
      return;
    }
    for (let i = 0; i < a.length; i++) compareValue(walk, coordinate, nullable.ofType, nodes, a[i], b[i], [...path, i]);
    return;
  }
  const named = getNamedType(nullable);
  if (isCompositeType(named)) {
    const selectionSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    compareObject(walk, named, selectionSets, primary, shadow, path);
    return;
  }
  // Leaves: enums, and scalars (a custom scalar may be any JSON value).
  if (primary !== shadow && JSON.stringify(primary) !== JSON.stringify(shadow))
    record(walk, coordinate, path, primary, shadow);
}

interface CollectedField {
  field: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
}

/** Response key → its field and every node selecting it, through fragments that apply to `parent`. */
function collectFields(
  options: DiffOptions,
  parent: GraphQLCompositeType,
  selectionSets: readonly SelectionSetNode[],
  collected = new Map<string, CollectedField>(),
): Map<string, CollectedField> {
  for (const selectionSet of selectionSets)
    for (const selection of selectionSet.selections) {
      if (selection.kind === "Field") {
        const field = "getFields" in parent ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // __typename, or a field of another member of an abstract type
        const key = selection.alias?.value ?? selection.name.value;
        const entry = collected.get(key);
        if (entry) entry.nodes.push(selection);
        else collected.set(key, { field, nodes: [selection] });
        continue;
      }
      const fragment = selection.kind === "InlineFragment" ? selection : options.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition?.name.value;
      if (condition && !applies(options.schema, condition, parent)) continue;
      collectFields(options, parent, [fragment.selectionSet], collected);
    }
  return collected;
}

function applies(schema: GraphQLSchema, condition: string, parent: GraphQLCompositeType): boolean {
  if (condition === parent.name) return true;
  const type = schema.getType(condition);
  if (!type || !isCompositeType(type) || isObjectType(type)) return false;
  // An abstract condition applies to each of its members; an abstract parent (no __typename in the
  // answer) is compared on the fields the fragment shares with it.
  return isObjectType(parent) ? schema.isSubType(type, parent) : true;
}
