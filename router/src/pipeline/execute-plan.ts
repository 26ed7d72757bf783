// Stage: run the query plan with @apollo/gateway's executeQueryPlan. Subgraph failures arrive as
// errors next to partial data (see datasource/subgraph-errors.ts); they never throw here.
import { executeQueryPlan } from "@apollo/gateway";
import type { GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { dedupeAnonymousQuery } from "../cache/dedup.js";
import type { RouterContext } from "../request/router-context.js";
import type { RequestState } from "./request-state.js";

export async function executePlan(state: RequestState): Promise<void> {
  const { version, request, prepared, plan, context } = state;
  // executeQueryPlan reads only these members of Apollo Server's request context.
  const requestContext = {
    request: { query: request.query, operationName: request.operationName, variables: request.variables ?? {} },
    context,
    logger: context.logger,
    metrics: {},
    operationName: request.operationName ?? null,
  } as unknown as GatewayGraphQLRequestContext<RouterContext>;
  // Identical anonymous queries in flight share one execution (router/src/cache/dedup.ts).
  state.result = await dedupeAnonymousQuery(
    plan,
    prepared.operationContext.operation.operation,
    request.variables,
    context,
    () =>
      executeQueryPlan(
        plan,
        version.serviceMap,
        requestContext,
        prepared.operationContext,
        version.supergraphGraphQLSchema,
        version.apiSchema,
      ),
  );
  state.overrides.observe(state.result);
}
