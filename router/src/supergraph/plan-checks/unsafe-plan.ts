// Plans Apollo's query planner is known to get wrong (failures of The Guild's
// federation-gateway-audit that stock @apollo/gateway shares): a plan that would answer unexplained
// nulls is refused with a reason instead of executed. Checked once per new plan; the @requires
// argument conflicts are handled before planning (separate-from-requires.ts).
import type { Supergraph } from "@apollo/federation-internals";
import type { QueryPlan } from "@apollo/query-planner";
import type { FragmentDefinitionNode, OperationDefinitionNode } from "graphql";
import { federationFacts } from "./federation-facts.js";
import { unplannedRootFields } from "./unplanned-root-fields.js";
import { unresolvableEntityFetch } from "./unresolvable-entity-fetch.js";

export interface PlannedOperation {
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
}

export function unsafePlanReason(
  plan: QueryPlan,
  { operation, fragments }: PlannedOperation,
  supergraph: Supergraph,
): string | undefined {
  return unplannedRootFields(plan, operation, fragments) ?? unresolvableEntityFetch(plan, federationFacts(supergraph));
}
