// Stage: run the query plan with the router's own executor (execution/). Subgraph failures arrive
// as errors next to partial data (see datasource/subgraph-errors.ts); they never throw here.
import type { QueryPlan } from "@apollo/query-planner";
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { dedupeAnonymousQuery } from "../cache/dedup.js";
import { executeQueryPlan } from "../execution/execute-query-plan.js";
import type { SubscriptionSource } from "../execution/execute-subscription.js";
import type { RouterContext } from "../request/router-context.js";
import type { RouterComponents } from "../router-components.js";
import type { PreparedOperation } from "./prepare-operation.js";
import type { RequestState } from "./request-state.js";

export async function executePlan(
  state: RequestState,
  router: Pick<RouterComponents, "settings" | "subscriptions">,
): Promise<void> {
  const { settings } = router;
  // A subscription: events, one answer each, for as long as it lasts (subscriptions/).
  if (state.plan.node?.kind === "Subscription") {
    state.events = await router.subscriptions.subscribe(state, (subscription) => runPlan(state, subscription));
    return;
  }
  const execute = () => runPlan(state) as Promise<GatewayExecutionResult>;
  // Identical anonymous queries in flight share one execution (router/src/cache/dedup.ts).
  // An answer in parts is one client's stream: never shared.
  state.result =
    settings.requestDedup && !state.incremental
      ? await dedupeAnonymousQuery(
          state.plan,
          state.prepared.operationContext.operation.operation,
          state.request.variables,
          state.context,
          execute,
        )
      : await execute();
  state.overrides.observe(state.result);
}

function runPlan(state: RequestState, subscription?: SubscriptionSource) {
  return executePlanOf(state, state.plan, state.prepared, subscription);
}

/** Runs a plan for the request: its own, or (shadow reads) the one for the other path. */
export function executePlanOf(
  state: RequestState,
  plan: QueryPlan,
  prepared: PreparedOperation,
  subscription?: SubscriptionSource,
) {
  const { version, request, context } = state;
  return executeQueryPlan(plan, {
    services: version.serviceMap,
    requestContext: requestContextFor(state),
    context,
    variables: request.variables,
    operationContext: prepared.operationContext,
    supergraphSchema: version.supergraphGraphQLSchema,
    apiSchema: version.apiSchema,
    incremental: state.incremental,
    subscription,
  });
}

/** The members of Apollo Server's request context that data sources read. */
export function requestContextFor(state: RequestState): GatewayGraphQLRequestContext<RouterContext> {
  const { request, context } = state;
  return {
    request: { query: request.query, operationName: request.operationName, variables: request.variables ?? {} },
    context,
    logger: context.logger,
    metrics: {},
    operationName: request.operationName ?? null,
  } as unknown as GatewayGraphQLRequestContext<RouterContext>;
}
