// Stage: build (or reuse) the query plan. The cache key holds the operation text, the operation
// name AND the set of enabled override labels, because the same operation plans differently
// per label set.
import { operationFromDocument } from "@apollo/federation-internals";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import { unsafePlanReason } from "../supergraph/plan-checks/unsafe-plan.js";
import type { RequestState } from "./request-state.js";
import type { OverrideConditions } from "./resolve-overrides.js";

export function planCacheKey(query: string, operationName: string | undefined, overrides: OverrideConditions): string {
  const enabled = [...overrides].filter(([, on]) => on).map(([label]) => label);
  return `${operationName ?? ""}\u0000${enabled.sort().join("\u0001")}\u0000${query}`;
}

export function planOperation(state: RequestState, router: Pick<RouterComponents, "development" | "logger">): void {
  const { version, request, prepared } = state;
  const overrides = state.overrides.conditions;
  const key = planCacheKey(request.query, request.operationName, overrides);
  let plan = version.plans.get(key);
  if (!plan) {
    const operationForPlanner = operationFromDocument(version.apiSchema, prepared.document, {
      operationName: request.operationName,
      validate: false, // already validated against the API schema in prepare-operation
    });
    try {
      plan = version.planner.buildQueryPlan(operationForPlanner, { overrideConditions: new Map(overrides) });
    } catch (error) {
      // A valid operation the planner cannot plan (e.g. an inconsistent supergraph): say so with a
      // code, and in development with the planner's own words, instead of a bare 500.
      router.logger.error({ err: error, schema: version.id, requestId: state.requestId }, "query planning failed");
      const detail = router.development ? `: ${(error as Error).message}` : "";
      throw new RequestError(500, "QUERY_PLANNING_FAILED", `The operation could not be planned${detail}`);
    }
    // A plan the planner is known to get wrong: refused, never executed (supergraph/plan-checks/).
    const unsafe = unsafePlanReason(plan, prepared.operationContext, version);
    if (unsafe) {
      router.logger.warn(
        { reason: unsafe, schema: version.id, requestId: state.requestId },
        "unsafe query plan refused",
      );
      const detail = router.development ? `: ${unsafe}` : "";
      throw new RequestError(400, "UNSAFE_QUERY_PLAN", `The operation cannot be answered correctly${detail}`);
    }
    version.plans.set(key, plan);
  }
  state.plan = plan;
}
