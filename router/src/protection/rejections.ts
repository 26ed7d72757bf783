// Every request the router turns away is counted by reason (the error code, lower-cased), so a
// dashboard shows which protection fires. Limit errors also name the limit and its value.
import { metricsRegistry } from "@shopstream/kernel";
import client from "prom-client";
import { GraphQLError } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";

export const rejectionsTotal = new client.Counter({
  name: "router_rejections_total",
  help: "Requests rejected by the router before execution, by reason",
  labelNames: ["reason"],
  registers: [metricsRegistry],
});

export const rateLimitUnavailableTotal = new client.Counter({
  name: "router_rate_limit_unavailable_total",
  help: "Requests let through without a rate-limit decision because Redis was unavailable (fail open)",
  registers: [metricsRegistry],
});

export function countRejection(code: string): void {
  rejectionsTotal.inc({ reason: code.toLowerCase() });
}

/** A 400 naming the limit (`extensions.limit`), its maximum and what the operation had. */
export function limitExceeded(code: string, limit: string, max: number, actual: number, message: string): RequestError {
  const detail = new GraphQLError(message, { extensions: { code, limit, max, actual } });
  return new RequestError(400, code, message, [detail]);
}

/** A rejection that also sets HTTP headers (Retry-After on a 429). */
export class RejectionWithHeaders extends RequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly headers: Record<string, string>,
  ) {
    super(status, code, message);
  }
}

export function rejectionHeaders(error: RequestError): Record<string, string> | undefined {
  return error instanceof RejectionWithHeaders ? error.headers : undefined;
}
