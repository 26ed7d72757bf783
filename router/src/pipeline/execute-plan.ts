// Step: run the query plan with @apollo/gateway's executeQueryPlan. Subgraph failures arrive as
// errors next to partial data (see datasource/subgraph-errors.ts); they never throw here.
import { executeQueryPlan } from "@apollo/gateway";
import type { QueryPlan } from "@apollo/query-planner";
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { dedupeAnonymousQuery } from "../cache/dedup.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import type { GraphQLRequest } from "./parse-http-request.js";
import type { PreparedOperation } from "./prepare-operation.js";
import type { RouterContext } from "./router-context.js";

export function executePlan(
  version: SchemaVersion,
  request: GraphQLRequest,
  prepared: PreparedOperation,
  plan: QueryPlan,
  context: RouterContext,
): Promise<GatewayExecutionResult> {
  // executeQueryPlan reads only these members of Apollo Server's request context.
  const requestContext = {
    request: { query: request.query, operationName: request.operationName, variables: request.variables ?? {} },
    context,
    logger: context.logger,
    metrics: {},
    operationName: request.operationName ?? null,
  } as unknown as GatewayGraphQLRequestContext<RouterContext>;
  // Identical anonymous queries in flight share one execution (router/src/cache/dedup.ts).
  return dedupeAnonymousQuery(plan, prepared.operationContext.operation.operation, request.variables, context, () =>
    executeQueryPlan(
      plan,
      version.serviceMap,
      requestContext,
      prepared.operationContext,
      version.supergraphGraphQLSchema,
      version.apiSchema,
    ),
  );
}
