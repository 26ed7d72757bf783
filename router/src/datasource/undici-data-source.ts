// Sends a query plan's fetch to one subgraph over its keep-alive pool, with the subgraph's own
// timeout and the caller's signed identity headers (computed once per request by the auth step).
// With `inFlight`, identical query fetches of one caller share one HTTP request (in-flight-fetches.ts);
// a request sampled for shadow reads records its answers in its context (context.fetchAnswers);
// each caller parses its own copy of the answer, because executors merge into the objects they get.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { routerMetrics } from "../observability/router-metrics.js";
import { traceSubgraphFetch } from "../observability/trace-subgraph-fetch.js";
import type { RouterContext } from "../request/router-context.js";
import type { InFlightFetches } from "./in-flight-fetches.js";
import { subgraphError, transportFailure } from "./subgraph-errors.js";
import type { SubgraphPools } from "./subgraph-pools.js";

export interface SubgraphEndpoint {
  name: string;
  url: string;
  timeoutMs: number;
}

export type SubgraphAnswer = { statusCode: number; text: string } | { failure: GatewayGraphQLResponse };

const writeOperation = /^\s*(mutation|subscription)\b/;

export class UndiciDataSource implements GraphQLDataSource<RouterContext> {
  private readonly origin: string;
  private readonly path: string;

  constructor(
    private readonly endpoint: SubgraphEndpoint,
    private readonly pools: SubgraphPools,
    /** Shared by every subgraph's data source (a write cuts off the caller's reads everywhere); absent = no dedup. */
    private readonly inFlight?: InFlightFetches<SubgraphAnswer>,
  ) {
    const url = new URL(endpoint.url);
    this.origin = url.origin;
    this.path = `${url.pathname}${url.search}`;
  }

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as RouterContext;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const write = writeOperation.test(request.query ?? "");
    const key = `${this.endpoint.name}\u0000${body}`;
    // A shadow read (shadow/) gets the answers its request already fetched: no fetch, no span.
    const recorded = write ? undefined : context.fetchAnswers?.get(key);
    if (recorded) return parse(this.endpoint.name, await recorded);
    return traceSubgraphFetch(this.endpoint.name, async (traceHeaders) => {
      if (write) {
        this.inFlight?.cutOff(callerOf(context));
        return parse(this.endpoint.name, await this.post(body, context.subgraphHeaders, traceHeaders));
      }
      const answer = this.sendOrShare(context, key, body, traceHeaders);
      context.fetchAnswers?.set(key, answer);
      return parse(this.endpoint.name, await answer);
    });
  }

  /** A query fetch: the identical one of this caller in flight, else a new one. */
  private sendOrShare(
    context: RouterContext,
    key: string,
    body: string,
    traceHeaders: Record<string, string>,
  ): Promise<SubgraphAnswer> {
    const send = () => this.post(body, context.subgraphHeaders, traceHeaders);
    if (!this.inFlight) return send();
    const { answer, shared } = this.inFlight.share(callerOf(context), key, send);
    if (shared) routerMetrics.subgraphFetchesShared.inc({ subgraph: this.endpoint.name });
    return answer;
  }

  private async post(
    body: string,
    headers: Record<string, string>,
    traceHeaders: Record<string, string>,
  ): Promise<SubgraphAnswer> {
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

const callerOf = (context: RouterContext) => ({
  identity: context.identity,
  forwardedFor: context.subgraphHeaders["x-forwarded-for"],
});

function parse(subgraph: string, answer: SubgraphAnswer): GatewayGraphQLResponse {
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
