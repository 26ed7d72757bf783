// In-flight deduplication: identical anonymous queries arriving together share one execution.
// "Identical" = same query plan object (plans are cached per schema version by operation text,
// operation name and enabled override labels, so the plan's identity covers all three) and the
// same variables. Only anonymous callers without scopes: their answers cannot depend on who asks.
// The shared result is never mutated downstream (shape-response builds a new body).
import type { QueryPlan } from "@apollo/query-planner";
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import type { RouterContext } from "../request/router-context.js";
import { cacheMetrics } from "./cache-metrics.js";

const inFlight = new WeakMap<QueryPlan, Map<string, Promise<GatewayExecutionResult>>>();

export function dedupeAnonymousQuery(
  plan: QueryPlan,
  operationKind: string,
  variables: Record<string, unknown> | undefined,
  context: RouterContext,
  execute: () => Promise<GatewayExecutionResult>,
): Promise<GatewayExecutionResult> {
  const { identity } = context;
  if (operationKind !== "query" || identity.userId !== null || identity.scopes.length > 0) return execute();
  let byVariables = inFlight.get(plan);
  if (!byVariables) {
    byVariables = new Map();
    inFlight.set(plan, byVariables);
  }
  const key = JSON.stringify(variables ?? {});
  const pending = byVariables.get(key);
  if (pending) {
    cacheMetrics.deduplicated.inc();
    return pending;
  }
  const execution = execute().finally(() => byVariables.delete(key));
  byVariables.set(key, execution);
  return execution;
}
