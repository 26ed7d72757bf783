// Sends a query plan's fetch to one subgraph over its keep-alive pool, with the subgraph's own
// timeout and the caller's signed identity headers (computed once per request by the auth step).
// Identical query fetches in flight (same body and same identity headers, so never across callers
// who differ) share one HTTP request; each caller parses its own copy of the answer, because
// executors merge into the objects they get.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { routerMetrics } from "../observability/router-metrics.js";
import { traceSubgraphFetch } from "../observability/trace-subgraph-fetch.js";
import type { RouterContext } from "../request/router-context.js";
import { subgraphError, transportFailure } from "./subgraph-errors.js";
import type { SubgraphPools } from "./subgraph-pools.js";

export interface SubgraphEndpoint {
  name: string;
  url: string;
  timeoutMs: number;
}

type Answer = { statusCode: number; text: string } | { failure: GatewayGraphQLResponse };

const writeOperation = /^\s*(mutation|subscription)\b/;

export class UndiciDataSource implements GraphQLDataSource<RouterContext> {
  private readonly origin: string;
  private readonly path: string;
  private readonly inFlight = new Map<string, Promise<Answer>>();

  constructor(
    private readonly endpoint: SubgraphEndpoint,
    private readonly pools: SubgraphPools,
    private readonly dedup = true,
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
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const headers = context.subgraphHeaders;
    if (!this.dedup || writeOperation.test(request.query ?? ""))
      return parse(this.endpoint.name, await this.post(body, headers, traceHeaders));
    const key = `${JSON.stringify(headers)}\u0000${body}`;
    let answer = this.inFlight.get(key);
    if (answer) routerMetrics.subgraphFetchesShared.inc({ subgraph: this.endpoint.name });
    else {
      answer = this.post(body, headers, traceHeaders).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, answer);
    }
    return parse(this.endpoint.name, await answer);
  }

  private async post(
    body: string,
    headers: Record<string, string>,
    traceHeaders: Record<string, string>,
  ): Promise<Answer> {
    const { name, timeoutMs } = this.endpoint;
    try {
      const response = await this.pools.poolFor(this.origin).request({
        path: this.path,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers, ...traceHeaders },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      return { statusCode: response.statusCode, text: await response.body.text() };
    } catch (error) {
      return { failure: transportFailure(name, timeoutMs, error) };
    }
  }
}

function parse(subgraph: string, answer: Answer): GatewayGraphQLResponse {
  if ("failure" in answer) return answer.failure;
  try {
    const parsed = JSON.parse(answer.text) as GatewayGraphQLResponse;
    if (typeof parsed === "object" && parsed !== null && ("data" in parsed || "errors" in parsed)) return parsed;
  } catch {
    // falls through to the bad-response error below
  }
  return subgraphError(
    "SUBGRAPH_BAD_RESPONSE",
    `Subgraph "${subgraph}" answered HTTP ${answer.statusCode} without a GraphQL response`,
  );
}
