// Step: decide which progressive @override labels are on for this request (see overrides/).
// Each label the operation touches is on (field served by the overriding subgraph) for a sticky
// share of callers given by the rollout setting; labels left out count as false (the `from`
// subgraph). The caller is the signed-in user, else the anonymous visitor id, else (a programmatic
// call without either) the request id, which splits correctly but is not sticky.
import { decideLabels, type OverrideDecision, operationLabels } from "../overrides/decide-overrides.js";
import { overrideMetrics } from "../overrides/override-metrics.js";
import { emptyRollout } from "../overrides/rollout-settings.js";
import type { RolloutState } from "../overrides/rollout-sources.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import type { GraphQLRequest } from "./parse-http-request.js";
import type { PreparedOperation } from "./prepare-operation.js";
import type { RouterContext } from "./router-context.js";

export type OverrideConditions = ReadonlyMap<string, boolean>;

export interface ResolvedOverrides {
  conditions: OverrideConditions;
  decisions: readonly OverrideDecision[];
  /** Records the outcome per label and path (call once, after execution). */
  observe(result: { errors?: readonly unknown[] }): void;
}

const none: ResolvedOverrides = { conditions: new Map(), decisions: [], observe: () => {} };

export function callerIdOf(context: RouterContext, visitorId: string | undefined): string {
  if (context.identity.userId) return `user:${context.identity.userId}`;
  return visitorId ? `visitor:${visitorId}` : `request:${context.requestId}`;
}

export function resolveOverrides(
  version: SchemaVersion,
  request: GraphQLRequest,
  prepared: PreparedOperation,
  context: RouterContext,
  visitorId: string | undefined,
  rollout: RolloutState | undefined,
): ResolvedOverrides {
  const labels = operationLabels(version, request.query, request.operationName, prepared.document);
  if (labels.length === 0) return none;
  const decisions = decideLabels(labels, callerIdOf(context, visitorId), rollout?.current() ?? emptyRollout);
  const conditions = new Map(decisions.map((decision) => [decision.label, decision.path === "new"]));
  const startedAt = performance.now();
  for (const { label, path } of decisions) overrideMetrics.decisions.inc({ label, path });
  return {
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
