// Incremental delivery of a plan that starts with a Defer node (the planner's answer to @defer):
// the primary part runs and is answered first; each deferred part runs once the part it is nested
// in has been delivered, and is answered as soon as it is done, at every object its path reaches,
// shaped from its own sub-selection. Payloads follow Apollo's deferSpec=20220824, which Apollo
// Client reads: {data, hasNext} first, then {incremental: [{data, path, label?, errors?}], hasNext}.
import type { Operation } from "@apollo/federation-internals";
import type { DeferNode, DeferredNode, PlanNode, ResponsePath } from "@apollo/query-planner";
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import { deferredTargets, mergeDelivered } from "./deferred-targets.js";
import { executeNode } from "./execute-node.js";
import type { ExecutionRun } from "./execution-run.js";
import type { ResultObject } from "./merge-into.js";
import { compileSubselectionProgram, type ResponseProgram, typeAtResponsePath } from "./response-program.js";

export interface IncrementalItem {
  data: ResultObject | null;
  path: ResponsePath;
  label?: string;
  errors?: GatewayExecutionResult["errors"];
  extensions?: Record<string, unknown>;
}

export interface SubsequentPayload {
  incremental?: IncrementalItem[];
  hasNext: boolean;
}

export type IncrementalExecutionResult = GatewayExecutionResult & {
  hasNext: true;
  subsequent: AsyncIterable<SubsequentPayload>;
};

export interface DeferredShaping {
  /** The whole operation's program: types along deferred paths, variables' defaults. */
  program: ResponseProgram;
  operation: () => Operation;
  /** Shapes `input` at `path`; the run's execution errors come back as the result's errors. */
  shape: (
    run: ExecutionRun,
    program: ResponseProgram,
    input: ResultObject,
    path: ResponsePath,
  ) => GatewayExecutionResult;
}

/** Per plan part (a Defer node's primary, a deferred node): its sub-selection's program. */
const partPrograms = new WeakMap<object, ResponseProgram>();

export async function executeDeferredPlan(
  run: ExecutionRun,
  root: DeferNode,
  shaping: DeferredShaping,
): Promise<IncrementalExecutionResult> {
  if (root.primary.node) await executeNode(run, root.primary.node, rootCursor(run));
  const initial = shaping.shape(run, partProgram(shaping, root.primary, [], root.primary.subselection), run.data, []);
  const delivered: ResultObject = structuredClone(initial.data ?? {});
  return {
    ...initial,
    hasNext: true,
    subsequent: deliverParts(root.deferred, (part) => runPart(run, part, shaping, delivered)),
  };
}

interface PartOutcome {
  items: IncrementalItem[];
  nested: DeferredNode[];
}

async function runPart(
  run: ExecutionRun,
  part: DeferredNode,
  shaping: DeferredShaping,
  delivered: ResultObject,
): Promise<PartOutcome> {
  // Its own error list: parts run concurrently and each payload carries its own errors.
  const partRun: ExecutionRun = { ...run, errors: [] };
  let node: PlanNode | undefined = part.node;
  let subselection = part.subselection;
  let selectionOwner: object = part;
  let nested: DeferredNode[] = [];
  if (node?.kind === "Defer") {
    subselection = node.primary.subselection;
    selectionOwner = node.primary;
    nested = node.deferred;
    node = node.primary.node;
  }
  if (node) await executeNode(partRun, node, rootCursor(run));
  const program = partProgram(shaping, selectionOwner, part.queryPath, subselection);
  const items: IncrementalItem[] = [];
  const shapingRun: ExecutionRun = { ...run, errors: [] }; // the part's errors go once, below
  for (const target of deferredTargets(delivered, run.data, part.queryPath, run.types)) {
    const shaped = shaping.shape(shapingRun, program, target.fetched, target.path);
    const item: IncrementalItem = { data: shaped.data ?? null, path: target.path };
    if (part.label !== undefined) item.label = part.label;
    if (shaped.extensions) item.extensions = shaped.extensions;
    if (shaped.errors?.length) item.errors = shaped.errors;
    if (shaped.data) mergeDelivered(delivered, target.path, shaped.data);
    items.push(item);
  }
  const [first] = items;
  if (first && partRun.errors.length > 0) first.errors = [...partRun.errors, ...(first.errors ?? [])];
  return { items, nested };
}

/** Runs the parts (and, after each, the parts nested in it); yields what is ready, in order. */
async function* deliverParts(
  parts: DeferredNode[],
  run: (part: DeferredNode) => Promise<PartOutcome>,
): AsyncGenerator<SubsequentPayload> {
  const ready: IncrementalItem[][] = [];
  let running = 0;
  let wake: (() => void) | undefined;
  const start = (part: DeferredNode) => {
    running++;
    run(part)
      .then(({ items, nested }) => {
        ready.push(items);
        for (const child of nested) start(child);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        ready.push([{ data: null, path: [], errors: [{ message } as never] }]);
      })
      .finally(() => {
        running--;
        wake?.();
      });
  };
  for (const part of parts) start(part);
  while (running > 0 || ready.length > 0) {
    if (ready.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    const incremental = ready.splice(0).flat();
    const hasNext = running > 0;
    if (incremental.length > 0) yield { incremental, hasNext };
    else if (!hasNext) yield { hasNext };
  }
}

function partProgram(
  shaping: DeferredShaping,
  owner: object,
  queryPath: readonly string[],
  subselection: string | undefined,
): ResponseProgram {
  let program = partPrograms.get(owner);
  if (!program) {
    const parentType = typeAtResponsePath(shaping.program, queryPath);
    program = compileSubselectionProgram(
      shaping.program,
      parentType,
      subselection,
      shaping.operation().variableDefinitions,
    );
    partPrograms.set(owner, program);
  }
  return program;
}

const rootCursor = (run: ExecutionRun) => ({ path: [], objects: [run.data] });
