// Stage: turn an HTTP request (GraphQL over HTTP, POST JSON or GET query string) into a GraphQL
// request, rejecting malformed input with 400 BAD_REQUEST before any GraphQL work.
import type { GraphQLRequest, HttpInput } from "../request/graphql-request.js";
import { RequestError } from "../request/request-error.js";
import type { RequestState } from "./request-state.js";

const bad = (message: string) => new RequestError(400, "BAD_REQUEST", message);

export function readRequest(state: RequestState): void {
  state.request = { ...readGraphQLRequest(state.input), trusted: false };
}

function readGraphQLRequest(input: HttpInput): GraphQLRequest {
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
