// Runs one GraphQL request through the stages (stages.ts) and shapes the answer: the execution
// result with authorization errors merged in, or the RequestError a stage threw.
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import { countRejection, rejectionHeaders } from "../protection/rejections.js";
import type { HttpInput } from "../request/graphql-request.js";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import { withAuthorizationErrors } from "./authorize.js";
import { RequestState } from "./request-state.js";
import { executionResponse, internalError, rejection, type ShapedResponse } from "./shape-response.js";
import { stages } from "./stages.js";

/** Each event's answer shaped as a single answer is, with the fields authorization removed. */
async function* shapedEvents(events: AsyncIterable<GatewayExecutionResult>, state: RequestState) {
  for await (const result of events) yield withAuthorizationErrors(executionResponse(result), state.authorization).body;
}

export async function runGraphQLRequest(
  version: SchemaVersion,
  input: HttpInput,
  requestId: string,
  router: RouterComponents,
): Promise<ShapedResponse> {
  const state = new RequestState(requestId, version, input);
  try {
    for (const [, stage] of stages) {
      const pending = stage(state, router);
      if (pending) await pending; // most stages are synchronous: no microtask for them
    }
    const { events } = state;
    if (events)
      return { status: 200, body: {}, events: shapedEvents(events, state), operationName: state.operationName };
    const shaped = withAuthorizationErrors(executionResponse(state.result), state.authorization);
    router.shadowReads.afterAnswer(state, shaped.body, router);
    return { ...shaped, operationName: state.operationName };
  } catch (error) {
    if (error instanceof RequestError) {
      countRejection(error.code);
      return { ...rejection(error), headers: rejectionHeaders(error), operationName: state.operationName };
    }
    router.logger.error({ err: error, requestId }, "request failed");
    return internalError();
  }
}
