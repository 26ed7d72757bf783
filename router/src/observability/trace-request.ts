// The router's SERVER span for one HTTP request (continuing an incoming traceparent, if any) and
// its latency sample by operation name and status class.
import type http from "node:http";
import { SpanKind, withSpan } from "@shopstream/kernel";
import { routerMetrics } from "./router-metrics.js";

export function traceRouterRequest<T extends { status: number; operationName?: string }>(
  req: http.IncomingMessage,
  handle: () => Promise<T>,
): Promise<T> {
  const stopTimer = routerMetrics.requests.startTimer();
  const parent = { traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : undefined };
  return withSpan(`router ${req.method} /graphql`, { kind: SpanKind.SERVER, parent }, async (span) => {
    const result = await handle();
    span.setAttribute("http.response.status_code", result.status);
    // Capped: a client-chosen name must not become an unbounded label.
    const name = result.operationName;
    const operation = name && name.length <= 100 ? name : "anonymous";
    span.setAttribute("graphql.operation.name", operation);
    stopTimer({ operation, status: `${Math.floor(result.status / 100)}xx` });
    return result;
  });
}
