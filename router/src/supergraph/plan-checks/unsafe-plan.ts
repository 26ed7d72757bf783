// Plans Apollo's query planner is known to get wrong (the six failures of The Guild's
// federation-gateway-audit that stock @apollo/gateway shares): a plan that would answer wrong data
// or unexplained nulls is refused with a reason instead of executed. Checked once per new plan.
import type { Supergraph } from "@apollo/federation-internals";
import type { QueryPlan } from "@apollo/query-planner";
import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { federationFacts } from "./federation-facts.js";
import { requiresArgumentConflict } from "./requires-argument-conflict.js";
import { unplannedRootFields } from "./unplanned-root-fields.js";
import { unresolvableEntityFetch } from "./unresolvable-entity-fetch.js";

export interface PlannedOperation {
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

export function unsafePlanReason(
  plan: QueryPlan,
  { operation, fragments }: PlannedOperation,
  schema: { supergraph: Supergraph; supergraphGraphQLSchema: GraphQLSchema },
): string | undefined {
  const facts = federationFacts(schema.supergraph);
  return (
    unplannedRootFields(plan, operation, fragments) ??
    unresolvableEntityFetch(plan, facts) ??
    requiresArgumentConflict(schema.supergraphGraphQLSchema, operation, fragments, facts)
  );
}
