// A plan that fetches an entity from a subgraph by fields that are none of that subgraph's
// resolvable keys (Apollo's planner can pick a `resolvable: false` key: audit case keys-mashup):
// the subgraph cannot find the entity, and the client gets nulls with no hint why.
import type { PlanNode, QueryPlan, QueryPlanSelectionNode } from "@apollo/query-planner";
import { covers, type FederationFacts, type FieldTree } from "./federation-facts.js";

export function unresolvableEntityFetch(plan: QueryPlan, facts: FederationFacts): string | undefined {
  const root = plan.node;
  if (root?.kind === "Subscription") return firstOf([root.primary, ...(root.rest ? [root.rest] : [])], facts);
  return root ? inNode(root, facts) : undefined;
}

function inNode(node: PlanNode, facts: FederationFacts): string | undefined {
  switch (node.kind) {
    case "Fetch":
      return inFetch(node.serviceName, node.requires ?? [], facts);
    case "Sequence":
    case "Parallel":
      return firstOf(node.nodes, facts);
    case "Flatten":
      return inNode(node.node, facts);
    case "Condition":
      return firstOf(
        [node.ifClause, node.elseClause].filter((clause) => clause !== undefined),
        facts,
      );
    case "Defer":
      return firstOf(
        [node.primary.node, ...node.deferred.map((deferred) => deferred.node)].filter((child) => child !== undefined),
        facts,
      );
  }
}

function firstOf(nodes: PlanNode[], facts: FederationFacts): string | undefined {
  for (const node of nodes) {
    const reason = inNode(node, facts);
    if (reason) return reason;
  }
  return undefined;
}

function inFetch(subgraph: string, requires: QueryPlanSelectionNode[], facts: FederationFacts): string | undefined {
  // An entity's representation holds the fields of every fragment its type satisfies (`... on User`
  // and `... on NodeWithName` for a User): judged against all of them, the check errs on the side
  // of executing.
  const given = treeOf(requires);
  for (const representation of requires) {
    if (representation.kind !== "InlineFragment" || !representation.typeCondition) continue;
    const type = representation.typeCondition;
    const keys = facts.resolvableKeys(subgraph, type);
    if (keys === undefined) continue; // not an entity of that subgraph under this name: nothing to judge
    if (!keys.some((key) => covers(given, key)))
      return `the plan fetches ${type} from subgraph "${subgraph}" by fields that are none of its resolvable keys`;
  }
  return undefined;
}

function treeOf(selections: readonly QueryPlanSelectionNode[]): FieldTree {
  const tree: FieldTree = new Map();
  for (const selection of selections) {
    if (selection.kind === "Field") tree.set(selection.name, treeOf(selection.selections ?? []));
    else for (const [name, sub] of treeOf(selection.selections)) tree.set(name, sub);
  }
  return tree;
}
