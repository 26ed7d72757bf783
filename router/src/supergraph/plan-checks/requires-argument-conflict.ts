// A field needed with two different sets of arguments under one response name, when at least one
// of the two is a @requires of a selected field: Apollo's planner fetches it once, with one set,
// and the other reader gets the wrong value (audit cases requires-with-argument and
// requires-with-argument-conflict: `comments(limit: 1)` answered with three comments, a EUR price
// used for a USD estimate). Arguments given by variable count as different from literals. When
// one side is the client's own selection, aliasing it separates the two (separate-from-requires.ts).
import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import { getNamedType, isCompositeType, isObjectType, print } from "../../graphql-runtime.js";
import type { FederationFacts } from "./federation-facts.js";

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

export interface RequiresConflict {
  reason: string;
  /** The operation's own fields which, given an alias, no longer share the @requires' response
   * name; empty when two @requires conflict (nothing of the client's to separate). */
  aliasable: FieldNode[];
}
/** Field path below one parent → argument signature → who needs it. */
type Needs = Map<string, Map<string, string>>;

export function requiresArgumentConflict(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  facts: FederationFacts,
): RequiresConflict | undefined {
  const root = schema.getRootType(operation.operation);
  return root ? inSelections([operation.selectionSet], root, schema, fragments, facts) : undefined;
}

function inSelections(
  sets: SelectionSetNode[],
  parent: GraphQLCompositeType,
  schema: GraphQLSchema,
  fragments: Fragments,
  facts: FederationFacts,
): RequiresConflict | undefined {
  const byType = new Map<GraphQLCompositeType, FieldNode[]>();
  for (const set of sets) collectFields(set, parent, schema, fragments, byType);
  for (const [type, fields] of byType) {
    const conflict = conflictAmong(type, fields, fragments, facts);
    if (conflict) return conflict;
    if (!("getFields" in type)) continue; // a union: its fields are collected per member type
    const byResponseName = new Map<string, FieldNode[]>();
    for (const field of fields) {
      const name = field.alias?.value ?? field.name.value;
      byResponseName.set(name, [...(byResponseName.get(name) ?? []), field]);
    }
    for (const sameName of byResponseName.values()) {
      const definition = type.getFields()[sameName[0]!.name.value];
      const child = definition && getNamedType(definition.type);
      if (!child || !isCompositeType(child)) continue;
      const subSets = sameName.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
      const below = inSelections(subSets, child, schema, fragments, facts);
      if (below) return below;
    }
  }
  return undefined;
}

/** Fields per type they are selected on: an object type's own, or the abstract parent's. */
function collectFields(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  schema: GraphQLSchema,
  fragments: Fragments,
  into: Map<GraphQLCompositeType, FieldNode[]>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === "Field") {
      into.set(parent, [...(into.get(parent) ?? []), selection]);
      continue;
    }
    const fragment = selection.kind === "InlineFragment" ? selection : fragments[selection.name.value];
    if (!fragment) continue;
    const condition = fragment.typeCondition && schema.getType(fragment.typeCondition.name.value);
    const type = condition && isObjectType(condition) ? condition : parent;
    collectFields(fragment.selectionSet, type as GraphQLCompositeType, schema, fragments, into);
  }
}

function conflictAmong(
  type: GraphQLCompositeType,
  fields: FieldNode[],
  fragments: Fragments,
  facts: FederationFacts,
): RequiresConflict | undefined {
  const needs: Needs = new Map();
  for (const field of fields) {
    const name = field.name.value;
    need(needs, [field], "", operationSide, fragments);
    for (const fieldSet of facts.requiredBy(type.name, name) ?? [])
      need(needs, fieldSet.selections.filter(isField), "", `@requires of ${type.name}.${name}`, fragments);
  }
  for (const [path, signatures] of needs) {
    if (signatures.size < 2) continue;
    if (![...signatures.values()].some((who) => who.startsWith("@requires"))) continue;
    const variants = [...signatures].map(([signature, who]) => `${path}(${signature}) for ${who}`);
    const reason = `${type.name}.${variants.join(" and ")}: the planner would fetch it once, with one of them`;
    const clientsOwn = signatures.size === 2 && [...signatures.values()].includes(operationSide);
    const top = path.split(".")[0];
    const aliasable = clientsOwn ? fields.filter((field) => field.name.value === top && !renamed(field)) : [];
    return { reason, aliasable };
  }
  return undefined;
}

const operationSide = "the operation";
const renamed = (field: FieldNode) => field.alias !== undefined && field.alias.value !== field.name.value;

/** Records every unaliased field of `fields`, and below, with its argument signature. */
function need(needs: Needs, fields: FieldNode[], prefix: string, who: string, fragments: Fragments): void {
  for (const field of fields) {
    if (renamed(field)) continue;
    const path = `${prefix}${field.name.value}`;
    const signature = (field.arguments ?? [])
      .map((argument) => `${argument.name.value}: ${print(argument.value)}`)
      .sort()
      .join(", ");
    const signatures = needs.get(path) ?? new Map<string, string>();
    if (!signatures.has(signature)) signatures.set(signature, who);
    needs.set(path, signatures);
    if (field.selectionSet) need(needs, fieldsOf(field.selectionSet, fragments), `${path}.`, who, fragments);
  }
}

function fieldsOf(set: SelectionSetNode, fragments: Fragments): FieldNode[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === "Field") return [selection];
    const fragment = selection.kind === "InlineFragment" ? selection : fragments[selection.name.value];
    return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
  });
}

function isField(selection: SelectionSetNode["selections"][number]): selection is FieldNode {
  return selection.kind === "Field";
}
