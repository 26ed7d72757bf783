// Stage: run the query plan with the router's own executor (execution/). Subgraph failures arrive
// as errors next to partial data (see datasource/subgraph-errors.ts); they never throw here.
import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { dedupeAnonymousQuery } from "../cache/dedup.js";
import { executeQueryPlan } from "../execution/execute-query-plan.js";
import type { RouterContext } from "../request/router-context.js";
import type { RouterComponents } from "../router-components.js";
import type { RequestState } from "./request-state.js";

export async function executePlan(state: RequestState, router: Pick<RouterComponents, "settings">): Promise<void> {
  const { settings } = router;
  const execute = () => runPlan(state);
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

function runPlan(state: RequestState) {
  const { version, request, prepared, plan, context } = state;
  return executeQueryPlan(plan, {
    services: version.serviceMap,
    requestContext: requestContextFor(state),
    context,
    variables: request.variables,
    operationContext: prepared.operationContext,
    supergraphSchema: version.supergraphGraphQLSchema,
    apiSchema: version.apiSchema,
    incremental: state.incremental,
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
