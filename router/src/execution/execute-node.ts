// Walks a query plan: sequences in order, parallel branches together, flatten nodes move the
// cursor into the result, condition nodes pick a branch by a Boolean variable. A fetch that
// throws (a malformed subgraph answer) becomes an error; the rest of the plan still runs.
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
      throw new GraphQLError("@defer is not supported by this router yet", {
        extensions: { code: "DEFER_NOT_SUPPORTED" },
      });
  }
}

function conditionValue(run: ExecutionRun, variable: string): boolean {
  const value = run.variables[variable];
  if (typeof value !== "boolean") throw new Error(`Invalid non-boolean value for Boolean! variable $${variable}`);
  return value;
}
