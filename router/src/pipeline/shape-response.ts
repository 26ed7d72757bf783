// Step: the HTTP status and JSON body. Errors always carry extensions.code; execution results
// are 200 even with errors (GraphQL over HTTP, application/json), rejections keep their 4xx.
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";

export interface ShapedResponse {
  status: number;
  /** Extra HTTP headers, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
  /** The request's operation name once parsed (metrics and span label only). */
  operationName?: string;
  body: { data?: unknown; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown>; hasNext?: boolean };
  /** The later parts of an answer delivered incrementally (@defer); `body` is then the first. */
  subsequent?: AsyncIterable<SubsequentBody>;
  /** A subscription's answers, one per event; `body` is then empty. */
  events?: AsyncIterable<ShapedResponse["body"]>;
}

export interface SubsequentBody {
  incremental?: { errors?: readonly unknown[]; [key: string]: unknown }[];
  hasNext: boolean;
}

export function formatError(error: unknown, fallbackCode = "INTERNAL_SERVER_ERROR"): GraphQLFormattedError {
  if (error instanceof GraphQLError) {
    const formatted = error.toJSON();
    const code = formatted.extensions?.code ?? fallbackCode;
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  const message = error instanceof Error ? error.message : "Unexpected error";
  return { message, extensions: { code: fallbackCode } };
}

export function rejection(error: RequestError): ShapedResponse {
  const errors =
    error.details.length > 0
      ? error.details.map((detail) => formatError(detail, error.code))
      : [{ message: error.message, extensions: { code: error.code } }];
  // The step's code wins: a variable error is BAD_USER_INPUT whatever graphql-js attached.
  for (const formatted of errors) (formatted.extensions as Record<string, unknown>).code = error.code;
  return { status: error.status, body: { errors } };
}

export function executionResponse(result: {
  data?: unknown;
  errors?: readonly unknown[];
  extensions?: Record<string, unknown>;
  hasNext?: boolean;
  subsequent?: AsyncIterable<SubsequentBody>;
}): ShapedResponse {
  const body: ShapedResponse["body"] = { data: result.data ?? null };
  if (result.errors && result.errors.length > 0) body.errors = result.errors.map((error) => formatError(error));
  if (result.extensions) body.extensions = result.extensions;
  if (!result.subsequent) return { status: 200, body };
  body.hasNext = true;
  return { status: 200, body, subsequent: formattedParts(result.subsequent) };
}

/** Later parts with their errors formatted as the first part's are (extensions.code always). */
async function* formattedParts(parts: AsyncIterable<SubsequentBody>): AsyncGenerator<SubsequentBody> {
  for await (const part of parts)
    yield part.incremental
      ? {
          ...part,
          incremental: part.incremental.map((item) =>
            item.errors ? { ...item, errors: item.errors.map((error) => formatError(error)) } : item,
          ),
        }
      : part;
}

export function internalError(): ShapedResponse {
  return {
    status: 500,
    body: { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
  };
}

export { RequestError };
