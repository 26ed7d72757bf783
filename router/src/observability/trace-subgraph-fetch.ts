// Every subgraph fetch is a CLIENT span (its traceparent goes to the subgraph, so the subgraph's
// spans join the same trace) and a latency sample; failures are counted by code.

import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { currentTraceparent, SpanKind, withSpan } from "@shopstream/kernel";
import { routerMetrics } from "./router-metrics.js";

export async function traceSubgraphFetch(
  subgraph: string,
  fetch: (traceHeaders: Record<string, string>) => Promise<GatewayGraphQLResponse>,
): Promise<GatewayGraphQLResponse> {
  const stopTimer = routerMetrics.subgraphFetches.startTimer({ subgraph });
  const response = await withSpan(
    `fetch ${subgraph}`,
    { kind: SpanKind.CLIENT, attributes: { "graphql.subgraph": subgraph } },
    async (span) => {
      const traceparent = currentTraceparent();
      const result = await fetch(traceparent ? { traceparent } : {});
      if (result.errors?.length) span.setAttribute("graphql.error_count", result.errors.length);
      return result;
    },
  );
  stopTimer();
  for (const error of response.errors ?? []) {
    const code = String(error.extensions?.code ?? "");
    if (code.startsWith("SUBGRAPH_")) routerMetrics.subgraphFetchErrors.inc({ subgraph, code });
  }
  return response;
}
