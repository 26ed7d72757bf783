// Step 1: turn an HTTP request (GraphQL over HTTP, POST JSON or GET query string) into a
// GraphQL request, rejecting malformed input with 400 BAD_REQUEST before any GraphQL work.
import type { IncomingHttpHeaders } from "node:http";
import { assertNotSimpleRequest } from "../protection/transport.js";
import { RequestError } from "./request-error.js";

export interface GraphQLRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** A registered operation's id (trusted documents); `query` is then filled in from the manifest. */
  documentId?: string;
}

export interface HttpInput {
  method: string;
  search: URLSearchParams;
  body: string | undefined;
  /** Anonymous visitor id (cookie/header, see overrides/visitor-id.ts) for sticky rollouts. */
  visitorId?: string;
  /** The Authorization header (bearer access token), if any. */
  authorization?: string;
  /** x-forwarded-for for subgraph calls: trusted chain + the client address (http/client-ip.ts). */
  forwardedFor?: string;
  /** Request headers (CSRF check) and the client address (rate limiting, http/client-ip.ts). */
  headers?: IncomingHttpHeaders;
  clientIp?: string;
}

const bad = (message: string) => new RequestError(400, "BAD_REQUEST", message);

export function parseHttpRequest(input: HttpInput): GraphQLRequest {
  if (input.method === "GET") {
    const param = (name: string) => input.search.get(name) ?? undefined;
    return toGraphQLRequest({
      query: param("query"),
      operationName: param("operationName"),
      variables: parseJsonParam("variables", param("variables")),
      extensions: parseJsonParam("extensions", param("extensions")),
      documentId: param("documentId"),
    });
  }
  if (input.method !== "POST") throw new RequestError(405, "METHOD_NOT_ALLOWED", "Use POST or GET");
  assertNotSimpleRequest(input.method, input.headers);
  if (!input.body) throw bad("POST body missing: send JSON with a `query` string");
  let payload: unknown;
  try {
    payload = JSON.parse(input.body);
  } catch {
    throw bad("POST body is not valid JSON");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    throw bad("POST body must be a JSON object, or an array of them (a batch)");
  return toGraphQLRequest(payload as Record<string, unknown>);
}

function parseJsonParam(name: string, value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw bad(`\`${name}\` is not valid JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function toGraphQLRequest(raw: Record<string, unknown>): GraphQLRequest {
  const { query, operationName, variables, extensions, documentId } = raw;
  if (documentId != null && typeof documentId !== "string") throw bad("`documentId` must be a string");
  // A persisted query (documentId or APQ hash) may come without its text: protection/trusted-documents.ts fills it in.
  const persisted = documentId != null || (isObject(extensions) && extensions.persistedQuery !== undefined);
  if (!(persisted && query == null) && (typeof query !== "string" || query.trim() === ""))
    throw bad("`query` must be a non-empty string");
  if (operationName != null && typeof operationName !== "string") throw bad("`operationName` must be a string");
  if (variables != null && !isObject(variables)) throw bad("`variables` must be an object");
  if (extensions != null && !isObject(extensions)) throw bad("`extensions` must be an object");
  return {
    query: typeof query === "string" ? query : "",
    documentId: documentId ?? undefined,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
    extensions: extensions ?? undefined,
  };
}
