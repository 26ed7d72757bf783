// Transport rules, checked before the body is read as GraphQL: GET or POST only, and CSRF
// prevention: a browser sends a "simple" cross-site POST (form or text/plain body) without a
// CORS preflight, so such a POST could run a mutation with the victim's cookies. We only accept
// POSTs with a JSON content type, or one of the headers a browser cannot add without a preflight.
import type { IncomingHttpHeaders } from "node:http";
import { RequestError } from "../request/request-error.js";

const preflightHeaders = ["apollo-require-preflight", "x-apollo-operation-name", "graphql-preflight"];

export function checkTransport(method: string, headers: IncomingHttpHeaders | undefined): void {
  if (method === "GET") return;
  if (method !== "POST") throw new RequestError(405, "METHOD_NOT_ALLOWED", "Use POST or GET");
  if (!headers) return;
  const type = (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type === "application/graphql-response+json") return;
  if (preflightHeaders.some((name) => Boolean(headers[name]))) return;
  throw new RequestError(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "POST requests need `Content-Type: application/json` (or an `apollo-require-preflight` header): simple cross-site requests are refused (CSRF prevention)",
  );
}
