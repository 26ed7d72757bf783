// The cheapest checks come first: the document's size before any parsing, then the token count
// DURING parsing (graphql-js stops lexing at maxTokens), so a 20,000-alias document never
// builds a huge AST. Other syntax errors are left to the caller's usual handling.
import type { DocumentNode } from "graphql";
import { GraphQLError, parse } from "../graphql-runtime.js";
import type { OperationLimits } from "./protection-config.js";
import { limitExceeded } from "./rejections.js";

export function parseWithLimits(query: string, limits: OperationLimits): DocumentNode {
  // UTF-8 length is at most 3 × UTF-16 length: skip the exact count for the common short case.
  const bytes = query.length * 3 <= limits.maxDocumentBytes ? query.length : Buffer.byteLength(query);
  if (bytes > limits.maxDocumentBytes)
    throw limitExceeded(
      "DOCUMENT_TOO_LARGE",
      "maxDocumentBytes",
      limits.maxDocumentBytes,
      bytes,
      `Document is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}`,
    );
  try {
    return parse(query, { maxTokens: limits.maxTokens, noLocation: false });
  } catch (error) {
    if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(error.message))
      throw limitExceeded(
        "MAX_TOKENS_EXCEEDED",
        "maxTokens",
        limits.maxTokens,
        limits.maxTokens + 1,
        `Document has more than ${limits.maxTokens} tokens; parsing stopped there`,
      );
    throw error;
  }
}
