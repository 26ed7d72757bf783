// The request pipeline, one small step per file:
// parse HTTP → prepare (parse/validate/limits) → authenticate → overrides → plan → execute → shape.
import type { Logger } from "@shopstream/kernel";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import { authenticate } from "./authenticate.js";
import { executePlan } from "./execute-plan.js";
import { type HttpInput, parseHttpRequest } from "./parse-http-request.js";
import { planOperation } from "./plan-operation.js";
import { prepareOperation } from "./prepare-operation.js";
import { RequestError } from "./request-error.js";
import { resolveOverrides } from "./resolve-overrides.js";
import { executionResponse, internalError, rejection, type ShapedResponse } from "./shape-response.js";

export interface PipelineSettings {
  introspection: boolean;
  identitySecret: string;
  logger: Logger;
}

export async function runGraphQLRequest(
  version: SchemaVersion,
  input: HttpInput,
  requestId: string,
  settings: PipelineSettings,
): Promise<ShapedResponse> {
  try {
    const request = parseHttpRequest(input);
    const prepared = prepareOperation(version, request, {
      method: input.method,
      introspection: settings.introspection,
    });
    const context = authenticate(requestId, settings.identitySecret, settings.logger);
    const plan = planOperation(version, request, prepared, resolveOverrides(context));
    return executionResponse(await executePlan(version, request, prepared, plan, context));
  } catch (error) {
    if (error instanceof RequestError) return rejection(error);
    settings.logger.error({ err: error, requestId }, "request failed");
    return internalError();
  }
}
