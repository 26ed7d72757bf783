// The request pipeline, one small step per file:
// parse HTTP → prepare (parse/validate/limits) → authenticate → overrides → plan → execute → shape.
import type { Logger } from "@shopstream/kernel";
import type { Authenticator } from "../auth/authenticator.js";
import type { RolloutState } from "../overrides/rollout-sources.js";
import { admitRequest, limitsOnlyProtection, type Protection } from "../protection/protection.js";
import { countRejection, rejectionHeaders } from "../protection/rejections.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import { authenticate } from "./authenticate.js";
import { authorize, withAuthorizationErrors } from "./authorize.js";
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
  /** Progressive @override percentages; absent = every labelled field stays on legacy. */
  rollout?: RolloutState;
  /** Verifies bearer access tokens; absent = bearer requests are refused (401). */
  authenticator?: Authenticator;
  /** Limits, trusted documents, rate limits (protection/); absent = default limits only. */
  protection?: Protection;
}

export async function runGraphQLRequest(
  version: SchemaVersion,
  input: HttpInput,
  requestId: string,
  settings: PipelineSettings,
): Promise<ShapedResponse> {
  let operationName: string | undefined;
  try {
    const protection = settings.protection ?? limitsOnlyProtection;
    const parsed = await protection.trustedDocuments.resolve(parseHttpRequest(input));
    operationName = parsed.operationName;
    const unfiltered = prepareOperation(version, parsed, {
      method: input.method,
      introspection: settings.introspection,
      limits: protection.limits,
    });
    const context = await authenticate(requestId, input, settings);
    await admitRequest(protection, parsed, unfiltered, context, input.clientIp);
    // From here on, request/prepared are the operation minus what the caller may not see.
    const { request, prepared, ...authorization } = authorize(version, parsed, unfiltered, context);
    const overrides = resolveOverrides(version, request, prepared, context, input.visitorId, settings.rollout);
    const plan = planOperation(version, request, prepared, overrides.conditions);
    const result = await executePlan(version, request, prepared, plan, context);
    overrides.observe(result);
    return { ...withAuthorizationErrors(executionResponse(result), authorization), operationName };
  } catch (error) {
    if (error instanceof RequestError) {
      countRejection(error.code);
      return { ...rejection(error), headers: rejectionHeaders(error), operationName };
    }
    settings.logger.error({ err: error, requestId }, "request failed");
    return internalError();
  }
}
