// Estimated cost of an operation, before planning, and pagination bounds. Each field costs its
// `@cost(weight:)` when a subgraph declares one, else 1 for an object and 0 for a leaf; a list
// multiplies its selection by `first`/`last` (or `@listSize(assumedSize:)`, else a default
// size). A connection field sized by `first`/`last` passes that size to its `edges`/`nodes`
// lists, as `@listSize(sizedFields:)` would. Fragments are costed once per (name, size).
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import { getNamedType, getNullableType, isCompositeType, isListType, Kind } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";
import type { OperationLimits } from "./protection-config.js";
import { limitExceeded } from "./rejections.js";

export interface CostInput {
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The API schema the operation was validated against. */
  schema: GraphQLSchema;
  /** The supergraph schema, where subgraphs' `@cost`/`@listSize` survive composition. */
  directiveSchema?: GraphQLSchema;
  variables: Record<string, unknown>;
  limits: OperationLimits;
}

const pagingArguments = new Set(["first", "last"]);
const connectionLists = new Set(["edges", "nodes"]);

/** Throws a coded 400 when a `first`/`last` is out of bounds or the cost is over the limit. */
export function enforceOperationCost(input: CostInput): number {
  const cost = estimateCost(input);
  const { maxCost } = input.limits;
  if (cost > maxCost)
    throw limitExceeded(
      "COST_LIMIT_EXCEEDED",
      "maxCost",
      maxCost,
      Math.min(cost, Number.MAX_SAFE_INTEGER),
      `Estimated operation cost ${Number.isFinite(cost) ? Math.round(cost) : "∞"} exceeds the limit of ${maxCost}`,
    );
  return cost;
}

export function estimateCost(input: CostInput): number {
  const { schema, fragments, limits } = input;
  const memo = new Map<string, number>();
  const defaults = variableDefaults(input.operation);

  const pageSize = (field: FieldNode): number | undefined => {
    let size: number | undefined;
    for (const argument of field.arguments ?? []) {
      if (!pagingArguments.has(argument.name.value)) continue;
      const value = argumentValue(argument.value, input.variables, defaults);
      if (value === undefined || value === null) continue;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > limits.maxPageSize)
        throw new RequestError(
          400,
          "INVALID_PAGINATION_ARGUMENT",
          `\`${argument.name.value}\` on \`${field.name.value}\` must be an integer from 0 to ${limits.maxPageSize}, got ${JSON.stringify(value)}`,
        );
      size = Math.max(size ?? 0, value);
    }
    return size;
  };

  const fieldDefinition = (parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === "__schema" || name === "__type") return undefined; // introspection: answered by the router itself
    return "getFields" in parent
      ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name]
      : undefined;
  };

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, inheritedSize: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += costOf(selection.selectionSet, type, inheritedSize);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type) continue;
        const key = `${selection.name.value}\u0000${inheritedSize ?? ""}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          cost = costOf(fragment.selectionSet, type, inheritedSize);
          memo.set(key, cost);
        }
        total += cost;
        continue;
      }
      const definition = fieldDefinition(parent, selection.name.value);
      const explicitSize = pageSize(selection);
      if (!definition) continue;
      const named = getNamedType(definition.type);
      const isList = isListType(getNullableType(definition.type));
      const declared = declaredCost(input.directiveSchema, parent.name, selection.name.value);
      const weight = declared.weight ?? (isCompositeType(named) ? 1 : 0);
      const size =
        explicitSize ??
        declared.assumedSize ??
        (connectionLists.has(selection.name.value) ? inheritedSize : undefined) ??
        limits.defaultListSize;
      const passDown = !isList && explicitSize !== undefined ? explicitSize : undefined;
      const children = selection.selectionSet ? costOf(selection.selectionSet, named, passDown) : 0;
      total += (isList ? size : 1) * (weight + children);
    }
    return total;
  };

  const root = schema.getRootType(input.operation.operation);
  return root ? costOf(input.operation.selectionSet, root, undefined) : 0;
}

function variableDefaults(operation: OperationDefinitionNode): Map<string, ValueNode> {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  return defaults;
}

function argumentValue(
  node: ValueNode,
  variables: Record<string, unknown>,
  defaults: ReadonlyMap<string, ValueNode>,
): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.NULL) return null;
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (Object.hasOwn(variables, name)) return variables[name];
    const fallback = defaults.get(name);
    return fallback && fallback.kind !== Kind.VARIABLE ? argumentValue(fallback, variables, defaults) : undefined;
  }
  return undefined; // any other literal fails validation
}

interface DeclaredCost {
  weight?: number;
  assumedSize?: number;
}

const noDeclaredCost: DeclaredCost = {};

/** `@cost(weight:)` / `@listSize(assumedSize:)` on the field's definition in the supergraph. */
function declaredCost(schema: GraphQLSchema | undefined, typeName: string, fieldName: string): DeclaredCost {
  const type = schema?.getType(typeName);
  if (!type || !("getFields" in type)) return noDeclaredCost;
  const directives = (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)[fieldName]?.astNode
    ?.directives;
  if (!directives || directives.length === 0) return noDeclaredCost;
  const found: DeclaredCost = {};
  for (const directive of directives) {
    const name = directive.name.value.replace(/^.*__/, "");
    for (const argument of directive.arguments ?? []) {
      // Apollo declares `weight: Int!`, the IBM cost spec a String: accept both.
      const raw = argument.value.kind === Kind.INT || argument.value.kind === Kind.STRING ? argument.value.value : "";
      const value = Number(raw);
      if (raw === "" || !Number.isFinite(value)) continue;
      if (name === "cost" && argument.name.value === "weight") found.weight = value;
      if (name === "listSize" && argument.name.value === "assumedSize") found.assumedSize = value;
    }
  }
  return found;
}
