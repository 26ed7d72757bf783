// Shadow reads: for a sample of the requests touching a migrating (@override) label, the router
// also answers the operation along the label's OTHER path and compares the two answers, field by
// field (diff-answers.ts). Only after the client's answer is final, only for queries, within a
// budget (shadow-budget.ts): the shadow can neither change nor slow what the client gets. The
// outcome goes to metrics per label and field; each mismatch is logged with a bounded diff.
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import type { Logger } from "@shopstream/kernel";
import type { FragmentDefinitionNode, GraphQLFormattedError } from "graphql";
import type { OverrideDecision } from "../overrides/decide-overrides.js";
import type { ShadowSetting } from "../overrides/rollout-settings.js";
import { withAuthorizationErrors } from "../pipeline/authorize.js";
import { executePlanOf } from "../pipeline/execute-plan.js";
import { planWith } from "../pipeline/plan-operation.js";
import type { RequestState } from "../pipeline/request-state.js";
import { executionResponse, type ShapedResponse } from "../pipeline/shape-response.js";
import type { RouterComponents } from "../router-components.js";
import { type AnswerDiff, diffAnswers } from "./diff-answers.js";
import { watchEventLoopLoad } from "./event-loop-load.js";
import { createShadowBudget } from "./shadow-budget.js";
import { shadowMetrics } from "./shadow-metrics.js";
import type { ShadowReadSettings } from "./shadow-settings.js";

type Answer = ShapedResponse["body"];
type Router = Pick<RouterComponents, "rollout" | "development" | "logger">;

/** A label of the request whose other path will answer it too. */
export interface SampledLabel {
  decision: OverrideDecision;
  setting: ShadowSetting;
}

export interface ShadowReads {
  /**
   * Stage, once the plan is known: picks the request's labels sampled for a shadow read and has
   * its fetches' answers recorded, so the shadow re-sends only the fetches its path changes.
   */
  sample(state: RequestState, router: Pick<RouterComponents, "rollout">): void;
  /** Call once the client's answer is final; returns at once (the comparison runs later). */
  afterAnswer(state: RequestState, answer: Answer, router: Router): void;
  /** Shadow reads started and not yet finished. */
  readonly inFlight: number;
  close(): void;
}

const ERRORS_FIELD = "(errors)";

export function createShadowReads(settings: ShadowReadSettings, logger: Logger): ShadowReads {
  const load = watchEventLoopLoad();
  const budget = createShadowBudget({ ...settings, maxLoad: settings.maxEventLoopLoad, load: load.current });
  const log = logger.child({ component: "shadow-reads" });

  async function compare(
    state: RequestState,
    answer: Answer,
    decision: OverrideDecision,
    setting: ShadowSetting,
    router: Router,
  ) {
    const { label, path } = decision;
    const startedAt = performance.now();
    let budgeted: Awaited<ReturnType<typeof budget.run<Answer>>>;
    try {
      budgeted = await budget.run(() => answerOtherWay(state, decision, router));
    } catch (error) {
      shadowMetrics.reads.inc({ label, primary: path, outcome: "error" });
      log.warn({ err: error, label, requestId: state.requestId }, "shadow read failed");
      return;
    }
    if (budgeted.outcome !== "done") {
      shadowMetrics.reads.inc({ label, primary: path, outcome: budgeted.outcome });
      return;
    }
    shadowMetrics.duration.observe({ label }, (performance.now() - startedAt) / 1000);
    const diff = diffOf(state, answer, budgeted.value, setting);
    shadowMetrics.reads.inc({ label, primary: path, outcome: diff.fields.size === 0 ? "match" : "mismatch" });
    if (diff.fields.size === 0) return;
    for (const field of diff.fields) shadowMetrics.mismatches.inc({ label, field });
    log.warn(
      {
        label,
        primary: path,
        requestId: state.requestId,
        operationName: state.operationName,
        fields: [...diff.fields],
        differences: diff.details.map((d) => ({ ...d, primary: preview(d.primary), shadow: preview(d.shadow) })),
      },
      "shadow read mismatch",
    );
  }

  function diffOf(state: RequestState, primary: Answer, shadow: Answer, setting: ShadowSetting): AnswerDiff {
    const { document, operationContext } = state.prepared;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions)
      if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
    const diff = diffAnswers(primary.data, shadow.data, {
      schema: state.version.apiGraphQLSchema,
      operation: operationContext.operation,
      fragments,
      ignore: new Set(setting.ignore),
      maxDetails: settings.maxLoggedDifferences,
    });
    const [a, b] = [errorSignature(primary.errors), errorSignature(shadow.errors)];
    if (a !== b) {
      diff.fields.add(ERRORS_FIELD);
      if (diff.details.length < settings.maxLoggedDifferences)
        diff.details.push({ path: [], field: ERRORS_FIELD, primary: a, shadow: b });
    }
    return diff;
  }

  return {
    get inFlight() {
      return budget.inFlight;
    },
    close: load.stop,
    sample(state, router) {
      const { decisions } = state.overrides;
      if (decisions.length === 0 || state.incremental || state.plan.node?.kind === "Subscription") return;
      // Answering a mutation twice would do it twice.
      if (state.prepared.operationContext.operation.operation !== "query") return;
      const shadow = router.rollout.current().shadow;
      const sampled = decisions.flatMap((decision) => {
        const setting = shadow[decision.label];
        return setting && Math.random() * 100 < setting.sample ? [{ decision, setting }] : [];
      });
      if (sampled.length === 0) return;
      state.shadowReads = sampled;
      state.context = { ...state.context, fetchAnswers: new Map() };
    },
    afterAnswer(state, answer, router) {
      if (state.shadowReads.length === 0) return;
      let pending = state.shadowReads.length;
      // After this tick: the client's answer is written before any shadow work starts.
      for (const { decision, setting } of state.shadowReads)
        setImmediate(() => {
          compare(state, answer, decision, setting, router)
            // Nothing a shadow read does may reach the process (an unhandled rejection ends it).
            .catch((error) => log.error({ err: error, label: decision.label }, "shadow read comparison failed"))
            .finally(() => {
              // The recorded answers are no longer needed once every shadow read of the request ran.
              if (--pending === 0) state.context.fetchAnswers = undefined;
            });
        });
    },
  };
}

/** The same operation, for the same caller, with only this label on its other path. */
async function answerOtherWay(state: RequestState, decision: OverrideDecision, router: Router): Promise<Answer> {
  const conditions = new Map(state.overrides.conditions).set(decision.label, decision.path !== "new");
  const { plan, prepared } = planWith(state, router, conditions, state.request.query.includes("@defer"));
  const result = (await executePlanOf(state, plan, prepared)) as GatewayExecutionResult;
  return withAuthorizationErrors(executionResponse(result), state.authorization).body;
}

/** Errors compared by where and what (messages may be worded differently per subgraph). */
function errorSignature(errors: readonly GraphQLFormattedError[] | undefined): string {
  if (!errors?.length) return "";
  return errors
    .map((error) => `${error.path?.join(".") ?? ""}:${String(error.extensions?.code ?? "")}`)
    .sort()
    .join(" ");
}

function preview(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
