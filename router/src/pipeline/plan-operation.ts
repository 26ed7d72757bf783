// Stage: build (or reuse) the query plan. The cache key holds the operation text, the operation
// name AND the set of enabled override labels, because the same operation plans differently
// per label set.
import { operationFromDocument } from "@apollo/federation-internals";
import { buildOperationContext } from "@apollo/gateway";
import type { QueryPlan } from "@apollo/query-planner";
import { acceptsIncrementalDelivery } from "../request/incremental-delivery.js";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import { federationFacts } from "../supergraph/plan-checks/federation-facts.js";
import { separateFromRequires } from "../supergraph/plan-checks/separate-from-requires.js";
import { unsafePlanReason } from "../supergraph/plan-checks/unsafe-plan.js";
import type { PreparedOperation } from "./prepare-operation.js";
import type { RequestState } from "./request-state.js";
import type { OverrideConditions } from "./resolve-overrides.js";

export function planCacheKey(
  query: string,
  operationName: string | undefined,
  overrides: OverrideConditions,
  deferIgnored = false,
): string {
  const enabled = [...overrides].filter(([, on]) => on).map(([label]) => label);
  return `${operationName ?? ""}\u0000${enabled.sort().join("\u0001")}\u0000${deferIgnored ? "\u0002" : ""}${query}`;
}

/** The operation a plan was made for, when the router rewrote the client's (plan-checks/). */
const plannedOperations = new WeakMap<QueryPlan, PreparedOperation>();

export function planOperation(state: RequestState, router: Pick<RouterComponents, "development" | "logger">): void {
  // @defer is honoured for clients that read multipart/mixed; for others it is ignored (as the
  // spec allows) and the whole answer comes at once, from a plan made without it.
  const usesDefer = state.request.query.includes("@defer");
  state.incremental = usesDefer && acceptsIncrementalDelivery(state.input.headers?.accept);
  const planned = planWith(state, router, state.overrides.conditions, usesDefer && !state.incremental);
  state.plan = planned.plan;
  state.prepared = planned.prepared;
}

/** The plan for the request's operation under the given override labels (cached per label set). */
export function planWith(
  state: RequestState,
  router: Pick<RouterComponents, "development" | "logger">,
  overrides: OverrideConditions,
  deferIgnored: boolean,
): { plan: QueryPlan; prepared: PreparedOperation } {
  const { version, request, prepared } = state;
  const key = planCacheKey(request.query, request.operationName, overrides, deferIgnored);
  let plan = version.plans.get(key);
  if (!plan) {
    const planned = operationToPlan(state, router);
    const operation = operationFromDocument(version.apiSchema, planned.document, {
      operationName: request.operationName,
      validate: false, // already validated against the API schema in prepare-operation
    });
    const operationForPlanner = deferIgnored ? operation.withoutDefer() : operation;
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
    const unsafe = unsafePlanReason(plan, planned.operationContext, version.supergraph);
    if (unsafe) refuse(state, router, unsafe);
    version.plans.set(key, plan);
    if (planned !== prepared) plannedOperations.set(plan, planned);
  }
  return { plan, prepared: plannedOperations.get(plan) ?? prepared };
}

/** The client's operation, or its rewrite with its own fields separated from @requires ones. */
function operationToPlan(state: RequestState, router: Pick<RouterComponents, "development" | "logger">) {
  const { version, request, prepared } = state;
  const facts = federationFacts(version.supergraph);
  const separation = separateFromRequires(
    prepared.document,
    request.operationName,
    version.supergraphGraphQLSchema,
    facts,
  );
  if ("refusal" in separation) return refuse(state, router, separation.refusal);
  if (separation.document === prepared.document) return prepared;
  return {
    document: separation.document,
    operationContext: buildOperationContext({
      schema: version.apiGraphQLSchema,
      operationDocument: separation.document,
      operationName: request.operationName,
    }),
  };
}

function refuse(state: RequestState, router: Pick<RouterComponents, "development" | "logger">, reason: string): never {
  router.logger.warn({ reason, schema: state.version.id, requestId: state.requestId }, "unsafe query plan refused");
  const detail = router.development ? `: ${reason}` : "";
  throw new RequestError(400, "UNSAFE_QUERY_PLAN", `The operation cannot be answered correctly${detail}`);
}
