// Incremental delivery over HTTP as Apollo Server and Apollo Client speak it: multipart/mixed with
// boundary "-" and deferSpec=20220824, one JSON part per payload, written as soon as it is ready.
import type http from "node:http";
import { routerMetrics } from "../observability/router-metrics.js";

export const multipartContentType = 'multipart/mixed; boundary="-"; deferSpec=20220824';

export async function writeMultipart(
  res: http.ServerResponse,
  status: number,
  initial: { hasNext: boolean },
  subsequent: AsyncIterable<{ hasNext: boolean }>,
  startedAt: number,
): Promise<void> {
  const seconds = () => (performance.now() - startedAt) / 1000;
  res.writeHead(status, { "content-type": multipartContentType, "cache-control": "no-cache" });
  res.write(`\r\n---\r\n${part(initial)}`);
  routerMetrics.incrementalChunks.observe({ chunk: "first" }, seconds());
  for await (const payload of subsequent) {
    if (res.destroyed) return; // the client went away: the rest is not worth computing
    res.write(part(payload));
    routerMetrics.deferredPayloads.inc();
  }
  res.end();
  routerMetrics.incrementalChunks.observe({ chunk: "last" }, seconds());
}

const part = (payload: { hasNext: boolean }) =>
  `content-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(payload)}\r\n---${payload.hasNext ? "" : "--"}\r\n`;
