// What one subgraph fetch of a query plan asks for, worked out once per fetch text (the planner
// emits the same text for the same plan node): whether it is an `_entities` fetch or root fields,
// which "Type.field" coordinates it selects (for the policy), and how to find the entities in its
// answer (for the invalidation index). Uses the supergraph schema, which has every subgraph field.
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLType,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import { parse } from "../graphql-runtime.js";
import type { FetchSelection } from "./policy.js";

export interface FetchShape {
  kind: "entities" | "root" | "uncacheable";
  selection: FetchSelection;
  document: DocumentNode;
  /** Selection under `_entities` (entities) or the operation's (root). */
  selectionSet: SelectionSetNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

const named = (type: GraphQLType): GraphQLNamedType => {
  let current = type as GraphQLType & { ofType?: GraphQLType };
  while (current.ofType) current = current.ofType as GraphQLType & { ofType?: GraphQLType };
  return current as GraphQLNamedType;
};
const fieldsOf = (type: GraphQLNamedType | undefined) =>
  type && "getFields" in type ? (type as GraphQLObjectType).getFields() : undefined;

export function analyseFetch(query: string, schema: GraphQLSchema): FetchShape {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const empty = { anchors: { types: [], rootFields: [] }, coordinates: new Set<string>() };
  if (!operation) throw new Error("fetch without an operation");
  if (operation.operation !== "query")
    return { kind: "uncacheable", selection: empty, document, selectionSet: operation.selectionSet, fragments };

  const coordinates = new Set<string>();
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === "Field");
  const entities = fields.find((field) => field.name.value === "_entities");
  if (entities?.selectionSet) {
    const types = new Set<string>();
    for (const selection of entities.selectionSet.selections) {
      if (selection.kind === "Field" && selection.name.value === "__typename") continue;
      if (selection.kind !== "InlineFragment" || !selection.typeCondition)
        return { kind: "uncacheable", selection: empty, document, selectionSet: entities.selectionSet, fragments };
      types.add(selection.typeCondition.name.value);
    }
    collectCoordinates(entities.selectionSet, undefined, schema, fragments, coordinates);
    return {
      kind: "entities",
      selection: { anchors: { types: [...types], rootFields: [] }, coordinates },
      document,
      selectionSet: entities.selectionSet,
      fragments,
    };
  }
  const queryType = schema.getQueryType() ?? undefined;
  collectCoordinates(operation.selectionSet, queryType, schema, fragments, coordinates);
  const rootFields = fields.filter((f) => !f.name.value.startsWith("__")).map((f) => `Query.${f.name.value}`);
  return {
    kind: "root",
    selection: { anchors: { types: [], rootFields }, coordinates },
    document,
    selectionSet: operation.selectionSet,
    fragments,
  };
}

function collectCoordinates(
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  out: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") {
      if (!parent || selection.name.value.startsWith("__")) continue;
      out.add(`${parent.name}.${selection.name.value}`);
      const definition = fieldsOf(parent)?.[selection.name.value];
      if (definition && selection.selectionSet)
        collectCoordinates(selection.selectionSet, named(definition.type), schema, fragments, out);
    } else {
      const fragment = selection.kind === "FragmentSpread" ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      collectCoordinates(fragment.selectionSet, condition ?? parent, schema, fragments, out);
    }
  }
}
