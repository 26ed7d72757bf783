// Removes the fields and fragments the caller may not see from an operation, before planning
// (Apollo Router's behaviour): those fields are never sent to a subgraph; the response gets null
// there plus one UNAUTHORIZED_FIELD_OR_TYPE error per removed field. Named fragments are inlined
// so each use is checked at its own path. Paths are response keys, without list indices.

import type { Identity } from "@shopstream/kernel";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from "graphql";
import type { AccessRequirement, AccessRequirements } from "./access-requirements.js";
import { satisfiesAll } from "./scopes.js";

export type ResponsePath = string[];

export interface FilteredOperation {
  /** The operation with unauthorized selections removed; null when nothing authorized remains. */
  document: DocumentNode | null;
  /** Fields (kind field) or fragments on a protected type (kind type, path = the parent's) removed: one error each. */
  denied: Array<{ path: ResponsePath; coordinate: string; kind: "field" | "type" }>;
  /** Fields dropped because every sub-selection was denied: null in the response, no own error. */
  emptied: ResponsePath[];
}

export function isAllowed(requirement: AccessRequirement | undefined, identity: Identity): boolean {
  if (!requirement) return true;
  if (identity.userId === null) return false; // @authenticated, and scopes need a signed-in caller
  return satisfiesAll(requirement.scopes, identity.scopes);
}

type Composite = { name: string; getFields?: () => Record<string, { type: unknown }> };

interface Walk {
  schema: GraphQLSchema;
  requirements: AccessRequirements;
  identity: Identity;
  fragments: Map<string, FragmentDefinitionNode>;
  result: FilteredOperation;
}

const namedType = (schema: GraphQLSchema, type: unknown): Composite | undefined => {
  let current = type as { ofType?: unknown; name?: string };
  while (current.ofType) current = current.ofType as typeof current;
  return schema.getType(current.name!) as Composite | undefined;
};

function filterSelectionSet(
  walk: Walk,
  set: SelectionSetNode,
  parent: Composite,
  path: ResponsePath,
): SelectionSetNode | null {
  const kept: SelectionNode[] = [];
  for (const selection of set.selections) {
    const filtered = filterSelection(walk, selection, parent, path);
    if (filtered) kept.push(filtered);
  }
  return kept.length > 0 ? { ...set, selections: kept } : null;
}

function filterSelection(walk: Walk, selection: SelectionNode, parent: Composite, path: ResponsePath) {
  if (selection.kind === "Field") return filterField(walk, selection, parent, path);
  const fragment =
    selection.kind === "FragmentSpread" ? walk.fragments.get(selection.name.value) : (selection as typeof selection);
  if (!fragment) return null;
  const conditionName = fragment.typeCondition?.name.value;
  const condition = conditionName ? (walk.schema.getType(conditionName) as Composite) : parent;
  if (conditionName && !isAllowed(walk.requirements.type(conditionName), walk.identity)) {
    walk.result.denied.push({ path, coordinate: conditionName, kind: "type" });
    return null;
  }
  const selectionSet = filterSelectionSet(walk, fragment.selectionSet, condition, path);
  if (!selectionSet) return null;
  // Spreads become inline fragments (same type condition and directives) so each use is checked here.
  return {
    kind: "InlineFragment" as const,
    typeCondition: fragment.typeCondition,
    directives: selection.directives,
    selectionSet,
  } as SelectionNode;
}

function filterField(walk: Walk, field: FieldNode, parent: Composite, path: ResponsePath): FieldNode | null {
  const name = field.name.value;
  if (name.startsWith("__")) return field; // __typename and introspection stay public
  const fieldPath = [...path, field.alias?.value ?? name];
  if (!isAllowed(walk.requirements.field(parent.name, name), walk.identity)) {
    walk.result.denied.push({ path: fieldPath, coordinate: `${parent.name}.${name}`, kind: "field" });
    return null;
  }
  if (!field.selectionSet) return field;
  const definition = parent.getFields?.()[name];
  const type = definition && namedType(walk.schema, definition.type);
  if (!type) return field;
  const selectionSet = filterSelectionSet(walk, field.selectionSet, type, fieldPath);
  if (!selectionSet) {
    walk.result.emptied.push(fieldPath);
    return null;
  }
  return { ...field, selectionSet };
}

/** Per schema version's requirements: operations touching no protected field or type. */
const publicOperationsBySchema = new WeakMap<AccessRequirements, WeakSet<OperationDefinitionNode>>();

export function filterOperation(
  apiSchema: GraphQLSchema,
  requirements: AccessRequirements,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  identity: Identity,
): FilteredOperation {
  const result: FilteredOperation = { document, denied: [], emptied: [] };
  const publicOperations = publicOperationsBySchema.get(requirements) ?? new WeakSet<OperationDefinitionNode>();
  publicOperationsBySchema.set(requirements, publicOperations);
  if (requirements.empty || publicOperations.has(operation)) return result;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
  const root =
    operation.operation === "mutation"
      ? apiSchema.getMutationType()
      : operation.operation === "subscription"
        ? apiSchema.getSubscriptionType()
        : apiSchema.getQueryType();
  const walk: Walk = { schema: apiSchema, requirements, identity, fragments, result };
  const selectionSet = filterSelectionSet(walk, operation.selectionSet, root as unknown as Composite, []);
  if (result.denied.length === 0) {
    // Nothing was protected for this caller; if the caller is anonymous, nothing is protected at
    // all, so later requests skip the walk (operations are cached per schema version).
    if (identity.userId === null) publicOperations.add(operation);
    return result; // untouched: keep the original (and its cache entries)
  }
  result.document = selectionSet ? { kind: document.kind, definitions: [{ ...operation, selectionSet }] } : null;
  return result;
}
