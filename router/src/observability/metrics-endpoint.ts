import type http from "node:http";
import { metricsRegistry } from "@shopstream/kernel";

export async function sendMetrics(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { "content-type": metricsRegistry.contentType });
  res.end(await metricsRegistry.metrics());
}
