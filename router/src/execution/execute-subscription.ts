// A subscription plan (the planner's SubscriptionNode): the primary fetch is the owning
// subgraph's subscription; each of its events becomes a run of its own, with the event's data as
// the root and the rest of the plan fetching the entity fields other subgraphs own, then shaped
// like any answer. The source decides where events come from (subscriptions/) and ends them.
import type { FetchNode, PlanNode, SubscriptionNode } from "@apollo/query-planner";
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import type { GraphQLFormattedError } from "graphql";
import type { RouterContext } from "../request/router-context.js";
import { applyRewrites } from "./data-rewrites.js";
import { downstreamError } from "./downstream-errors.js";
import { executeNode } from "./execute-node.js";
import type { ExecutionRun } from "./execution-run.js";
import { isResultObject, type ResultObject } from "./merge-into.js";

export interface SubscriptionEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface SubscriptionSource {
  /** The primary fetch's events, with the variables it uses. */
  events(fetch: FetchNode, variables: Record<string, unknown>): AsyncIterable<SubscriptionEvent>;
  /** The context one event's fetches carry: identity signed again (a subscription outlives a signature). */
  eventContext(): { context: RouterContext; requestContext: unknown };
}

export interface SubscriptionExecutionResult {
  events: AsyncIterable<GatewayExecutionResult>;
}

export async function* executeSubscription(
  run: ExecutionRun,
  node: SubscriptionNode,
  source: SubscriptionSource,
  shape: (run: ExecutionRun) => GatewayExecutionResult,
): AsyncGenerator<GatewayExecutionResult> {
  const { primary } = node;
  const variables: Record<string, unknown> = {};
  for (const name of primary.variableUsages ?? [])
    if (run.requestVariables[name] !== undefined) variables[name] = run.requestVariables[name];
  for await (const event of source.events(primary, variables)) {
    const eventRun: ExecutionRun = { ...run, ...source.eventContext(), errors: [], data: {} };
    for (const error of event.errors ?? [])
      eventRun.errors.push(downstreamError(error, primary.serviceName, (path) => path && [...path]));
    if (!isResultObject(event.data)) {
      yield { errors: eventRun.errors, data: null };
      continue;
    }
    eventRun.data = structuredClone(event.data) as ResultObject; // shared by every subscriber of the upstream
    applyRewrites(primary.outputRewrites, eventRun.data, run.types);
    if (node.rest) await executeRest(eventRun, node.rest);
    yield shape(eventRun);
  }
}

function executeRest(run: ExecutionRun, rest: PlanNode) {
  return executeNode(run, rest, { path: [], objects: [run.data] });
}
