// Entry of the pipeline for one HTTP request: a single operation, or a batch (a JSON array of
// operations, as Apollo Client's BatchHttpLink sends) of at most `maxBatchSize`. Each operation of
// a batch runs the whole pipeline on its own (limits, rate limits, auth), so a batch buys a client
// nothing a series of requests would not; one refused operation does not spoil the others.
import { countRejection, limitExceeded } from "../protection/rejections.js";
import type { HttpInput } from "../request/graphql-request.js";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import { runGraphQLRequest } from "./run-graphql-request.js";
import { rejection, type ShapedResponse } from "./shape-response.js";

export interface HttpGraphQLResponse extends Omit<ShapedResponse, "body"> {
  body: ShapedResponse["body"] | ShapedResponse["body"][];
}

export async function runHttpGraphQL(
  version: SchemaVersion,
  input: HttpInput,
  requestId: string,
  router: RouterComponents,
): Promise<HttpGraphQLResponse> {
  const items = batchItems(input);
  if (!items) return runGraphQLRequest(version, input, requestId, router);
  const { maxBatchSize } = router.protection.limits;
  if (items.length === 0 || items.length > maxBatchSize) {
    const error =
      items.length === 0
        ? new RequestError(400, "BAD_REQUEST", "A batch must hold at least one operation")
        : limitExceeded(
            "BATCH_TOO_LARGE",
            "maxBatchSize",
            maxBatchSize,
            items.length,
            `A batch of ${items.length} operations exceeds the limit of ${maxBatchSize}`,
          );
    countRejection(error.code);
    return { ...rejection(error), operationName: "batch" };
  }
  const answers = await Promise.all(
    items.map((item, i) =>
      // One JSON array answers a batch: an operation's @defer is answered at once, not in parts.
      runGraphQLRequest(
        version,
        // ...and a subscription is refused: one JSON array cannot carry a stream.
        { ...input, body: JSON.stringify(item), headers: jsonOnly(input), subscriptionTransport: undefined },
        `${requestId}:${i}`,
        router,
      ),
    ),
  );
  return combine(answers);
}

const startsAsArray = /^\s*\[/;

const jsonOnly = (input: HttpInput) => ({ ...input.headers, accept: "application/json" });

/** The operations of a batched POST body, or null when the body is not a JSON array. */
function batchItems(input: HttpInput): unknown[] | null {
  // A regex test, not trimStart(): every POST passes here and a copy of its body is not free.
  if (input.method !== "POST" || !input.body || !startsAsArray.test(input.body)) return null;
  try {
    const payload: unknown = JSON.parse(input.body);
    return Array.isArray(payload) ? payload : null;
  } catch {
    return null; // the single-operation path answers "not valid JSON"
  }
}

// 200 with one result per operation, unless every operation was refused the same way: then that
// status (e.g. 429 with Retry-After) tells the client what to do about the whole batch.
function combine(answers: ShapedResponse[]): HttpGraphQLResponse {
  const [first] = answers as [ShapedResponse, ...ShapedResponse[]];
  const uniform = first.status !== 200 && answers.every((answer) => answer.status === first.status);
  return {
    status: uniform ? first.status : 200,
    headers: uniform ? first.headers : undefined,
    operationName: "batch",
    body: answers.map((answer) => answer.body),
  };
}
