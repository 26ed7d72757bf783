// What the plan checks need to know about the subgraphs, read once per supergraph from its
// extracted subgraph schemas: each entity type's resolvable keys per subgraph, and each field's
// @requires field sets (as parsed selections, arguments included).
import type { FieldDefinition, InterfaceType, ObjectType, Subgraph, Supergraph } from "@apollo/federation-internals";
import type { SelectionSetNode } from "graphql";
import { parse } from "../../graphql-runtime.js";

/** Field names, nested: `id compositeId { two three }` → id, compositeId → {two, three}. */
export type FieldTree = Map<string, FieldTree>;

export interface FederationFacts {
  /** The keys `subgraph` resolves `type` by; undefined when the subgraph has no such entity. */
  resolvableKeys(subgraph: string, type: string): FieldTree[] | undefined;
  /** The field sets a field `@requires`, when every subgraph resolving it requires something. */
  requiredBy(type: string, field: string): SelectionSetNode[] | undefined;
}

const factsBySupergraph = new WeakMap<Supergraph, FederationFacts>();

export function federationFacts(supergraph: Supergraph): FederationFacts {
  let facts = factsBySupergraph.get(supergraph);
  if (!facts) {
    facts = readFacts(supergraph);
    factsBySupergraph.set(supergraph, facts);
  }
  return facts;
}

function readFacts(supergraph: Supergraph): FederationFacts {
  const keys = new Map<string, FieldTree[]>();
  const requires = new Map<string, { required: SelectionSetNode[]; unconditional: boolean }>();
  for (const subgraph of supergraph.subgraphs()) {
    const metadata = subgraph.metadata();
    for (const type of subgraph.schema.types()) {
      if (type.kind !== "ObjectType" && type.kind !== "InterfaceType") continue;
      const resolvable = type
        .appliedDirectivesOf(metadata.keyDirective())
        .filter((key) => key.arguments().resolvable !== false)
        .map((key) => fieldTree(parseFieldSet(key.arguments().fields)));
      keys.set(`${subgraph.name}\u0000${type.name}`, resolvable);
      for (const field of type.fields()) recordRequires(requires, subgraph, field);
    }
  }
  return {
    resolvableKeys: (subgraph, type) => keys.get(`${subgraph}\u0000${type}`),
    requiredBy: (type, field) => {
      const entry = requires.get(`${type}.${field}`);
      return entry && !entry.unconditional ? entry.required : undefined;
    },
  };
}

function recordRequires(
  requires: Map<string, { required: SelectionSetNode[]; unconditional: boolean }>,
  subgraph: Subgraph,
  field: FieldDefinition<ObjectType | InterfaceType>,
): void {
  const metadata = subgraph.metadata();
  if (metadata.isFieldExternal(field)) return;
  const key = `${field.parent.name}.${field.name}`;
  const entry = requires.get(key) ?? { required: [], unconditional: false };
  const applied = field.appliedDirectivesOf(metadata.requiresDirective());
  // A subgraph resolving the field without @requires gives the planner a plan without the conflict.
  if (applied.length === 0) entry.unconditional = true;
  for (const directive of applied) entry.required.push(parseFieldSet(directive.arguments().fields));
  requires.set(key, entry);
}

function parseFieldSet(fields: string): SelectionSetNode {
  const document = parse(`{${fields}}`);
  const [operation] = document.definitions;
  if (operation?.kind !== "OperationDefinition") throw new Error(`not a field set: ${fields}`);
  return operation.selectionSet;
}

function fieldTree(selectionSet: SelectionSetNode): FieldTree {
  const tree: FieldTree = new Map();
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field")
      tree.set(selection.name.value, selection.selectionSet ? fieldTree(selection.selectionSet) : new Map());
    else if (selection.kind === "InlineFragment")
      for (const [name, sub] of fieldTree(selection.selectionSet)) tree.set(name, sub);
  }
  return tree;
}

/** Does `given` contain every field of `needed`, at every depth? */
export function covers(given: FieldTree, needed: FieldTree): boolean {
  for (const [name, sub] of needed) {
    const there = given.get(name);
    if (!there || !covers(there, sub)) return false;
  }
  return true;
}
