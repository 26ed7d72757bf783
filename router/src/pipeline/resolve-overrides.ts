// Stage: decide which progressive @override labels are on for this request (see overrides/).
// Each label the operation touches is on (field served by the overriding subgraph) for a sticky
// share of callers given by the rollout setting; labels left out count as false (the `from`
// subgraph). The caller is the signed-in user, else the anonymous visitor id, else (a programmatic
// call without either) the request id, which splits correctly but is not sticky.
import { decideLabels, type OverrideDecision, operationLabels } from "../overrides/decide-overrides.js";
import { overrideMetrics } from "../overrides/override-metrics.js";
import type { RouterContext } from "../request/router-context.js";
import type { RouterComponents } from "../router-components.js";
import type { RequestState } from "./request-state.js";

export type OverrideConditions = ReadonlyMap<string, boolean>;

export interface ResolvedOverrides {
  conditions: OverrideConditions;
  decisions: readonly OverrideDecision[];
  /** Records the outcome per label and path (call once, after execution). */
  observe(result: { errors?: readonly unknown[] }): void;
}

export const noOverrides: ResolvedOverrides = { conditions: new Map(), decisions: [], observe: () => {} };

export function callerIdOf(context: RouterContext, visitorId: string | undefined): string {
  if (context.identity.userId) return `user:${context.identity.userId}`;
  return visitorId ? `visitor:${visitorId}` : `request:${context.requestId}`;
}

export function resolveOverrides(state: RequestState, router: Pick<RouterComponents, "rollout">): void {
  const { version, request, prepared, context } = state;
  const labels = operationLabels(version, request.query, request.operationName, prepared.document);
  if (labels.length === 0) return;
  const caller = callerIdOf(context, state.input.visitorId);
  const decisions = decideLabels(labels, caller, router.rollout.current());
  const conditions = new Map(decisions.map((decision) => [decision.label, decision.path === "new"]));
  const startedAt = performance.now();
  for (const { label, path } of decisions) overrideMetrics.decisions.inc({ label, path });
  state.overrides = {
    conditions,
    decisions,
    observe(result) {
      const seconds = (performance.now() - startedAt) / 1000;
      for (const { label, path } of decisions) {
        overrideMetrics.duration.observe({ label, path }, seconds);
        if (result.errors?.length) overrideMetrics.errors.inc({ label, path });
      }
    },
  };
}
