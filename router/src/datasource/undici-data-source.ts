// Sends a query plan's fetch to one subgraph over its keep-alive pool, with the subgraph's own
// timeout and the caller's signed identity headers (computed once per request by the auth step).
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { traceSubgraphFetch } from "../observability/trace-subgraph-fetch.js";
import type { RouterContext } from "../request/router-context.js";
import { subgraphError, transportFailure } from "./subgraph-errors.js";
import type { SubgraphPools } from "./subgraph-pools.js";

export interface SubgraphEndpoint {
  name: string;
  url: string;
  timeoutMs: number;
}

export class UndiciDataSource implements GraphQLDataSource<RouterContext> {
  private readonly origin: string;
  private readonly path: string;

  constructor(
    private readonly endpoint: SubgraphEndpoint,
    private readonly pools: SubgraphPools,
  ) {
    const url = new URL(endpoint.url);
    this.origin = url.origin;
    this.path = `${url.pathname}${url.search}`;
  }

  process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    return traceSubgraphFetch(this.endpoint.name, (traceHeaders) => this.send(options, traceHeaders));
  }

  private async send(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
    traceHeaders: Record<string, string>,
  ): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const { name, timeoutMs } = this.endpoint;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    let response: Awaited<ReturnType<ReturnType<SubgraphPools["poolFor"]>["request"]>>;
    try {
      response = await this.pools.poolFor(this.origin).request({
        path: this.path,
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...context.subgraphHeaders,
          ...traceHeaders,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      return transportFailure(name, timeoutMs, error);
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      return transportFailure(name, timeoutMs, error);
    }
    try {
      const parsed = JSON.parse(text) as GatewayGraphQLResponse;
      if (typeof parsed === "object" && parsed !== null && ("data" in parsed || "errors" in parsed)) return parsed;
    } catch {
      // falls through to the bad-response error below
    }
    return subgraphError(
      "SUBGRAPH_BAD_RESPONSE",
      `Subgraph "${name}" answered HTTP ${response.statusCode} without a GraphQL response`,
    );
  }
}
