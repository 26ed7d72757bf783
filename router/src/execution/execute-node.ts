// Walks a query plan: sequences in order, parallel branches together, flatten nodes move the
// cursor into the result, condition nodes pick a branch by a Boolean variable. A fetch that
// throws (a malformed subgraph answer) becomes an error; the rest of the plan still runs.
// A Defer node met here is executed whole.
import type { PlanNode } from "@apollo/query-planner";
import { GraphQLError } from "../graphql-runtime.js";
import { executeFetch } from "./execute-fetch.js";
import type { ExecutionRun } from "./execution-run.js";
import { moveCursor, type ResultCursor } from "./result-cursor.js";

export async function executeNode(run: ExecutionRun, node: PlanNode, cursor: ResultCursor): Promise<void> {
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case "Flatten":
      await executeNode(run, node.node, moveCursor(cursor, node.path));
      return;
    case "Fetch":
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        run.errors.push(
          error instanceof GraphQLError
            ? error
            : new GraphQLError((error as Error).message, { originalError: error as Error }),
        );
      }
      return;
    case "Condition": {
      const branch = conditionValue(run, node.condition) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    case "Defer":
      // Delivered at once (incremental delivery starts only from a plan's root, see
      // execute-deferred-plan.ts): the deferred parts run after the primary they depend on.
      if (node.primary.node) await executeNode(run, node.primary.node, cursor);
      await Promise.all(node.deferred.map((deferred) => deferred.node && executeNode(run, deferred.node, cursor)));
      return;
  }
}

/** The node a plan really starts with once its root conditions are decided by the variables. */
export function decideConditions(run: ExecutionRun, node: PlanNode | undefined): PlanNode | undefined {
  let decided = node;
  while (decided?.kind === "Condition")
    decided = conditionValue(run, decided.condition) ? decided.ifClause : decided.elseClause;
  return decided;
}

function conditionValue(run: ExecutionRun, variable: string): boolean {
  const value = run.variables[variable];
  if (typeof value !== "boolean") throw new Error(`Invalid non-boolean value for Boolean! variable $${variable}`);
  return value;
}
