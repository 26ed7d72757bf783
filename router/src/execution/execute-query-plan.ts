// The router's own query-plan executor: runs an Apollo query plan against the subgraphs' data
// sources, then shapes the response. Same contract as @apollo/gateway's executeQueryPlan (same
// data, errors, paths and codes) with the per-plan work done once: the operation is compiled for
// shaping when its plan is first executed, not on every request.

import { type FieldSelection, operationFromDocument, type Schema } from "@apollo/federation-internals";
import type { ServiceMap } from "@apollo/gateway";
import type { PlanNode, QueryPlan, ResponsePath } from "@apollo/query-planner";
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import type { GraphQLError as GraphQLErrorType, GraphQLSchema } from "graphql";
import { executeSync, GraphQLError, Kind } from "../graphql-runtime.js";
import type { OperationContext } from "../pipeline/prepare-operation.js";
import type { RouterContext } from "../request/router-context.js";
import { executeDeferredPlan, type IncrementalExecutionResult } from "./execute-deferred-plan.js";
import { decideConditions, executeNode } from "./execute-node.js";
import {
  executeSubscription,
  type SubscriptionExecutionResult,
  type SubscriptionSource,
} from "./execute-subscription.js";
import type { ExecutionRun } from "./execution-run.js";
import type { ResultObject } from "./merge-into.js";
import { compileResponseProgram, type ResponseProgram } from "./response-program.js";
import { type ShapingContext, shapeResponse } from "./shape-response.js";
import { TypeConditions } from "./type-conditions.js";

export interface PlanExecution {
  services: ServiceMap;
  requestContext: unknown;
  context: RouterContext;
  variables: Record<string, unknown> | undefined;
  operationContext: OperationContext;
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
  /** The client reads multipart/mixed: a plan that starts with a Defer node is answered in parts. */
  incremental?: boolean;
  /** Where a subscription plan's events come from; without it a subscription is refused. */
  subscription?: SubscriptionSource;
}

const programs = new WeakMap<QueryPlan, ResponseProgram>();
const typeConditions = new WeakMap<GraphQLSchema, TypeConditions>();

export async function executeQueryPlan(
  plan: QueryPlan,
  execution: PlanExecution,
): Promise<GatewayExecutionResult | IncrementalExecutionResult | SubscriptionExecutionResult> {
  let program = programs.get(plan);
  if (!program) {
    try {
      program = compileResponseProgram(operationOf(execution));
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
    programs.set(plan, program);
  }
  const requestVariables = execution.variables ?? {};
  const run: ExecutionRun = {
    services: execution.services,
    requestContext: execution.requestContext,
    context: execution.context,
    requestVariables,
    variables: { ...program.defaultedVariables, ...requestVariables },
    types: typesOf(execution.supergraphSchema),
    errors: [],
    data: {},
  };
  if (plan.node?.kind === "Subscription") {
    const source = execution.subscription;
    if (!source) return { errors: [new GraphQLError("Subscriptions need a streaming transport")] };
    const shapeEvent = (eventRun: ExecutionRun) => shape(eventRun, program, execution, eventRun.data, []);
    return { events: executeSubscription(run, plan.node, source, shapeEvent) };
  }
  let root: PlanNode | undefined;
  try {
    root = decideConditions(run, plan.node);
  } catch (error) {
    return { errors: [new GraphQLError((error as Error).message)] };
  }
  if (root?.kind === "Defer" && execution.incremental)
    return executeDeferredPlan(run, root, {
      program,
      operation: () => operationOf(execution),
      shape: (partRun, partProgram, input, path) => shape(partRun, partProgram, execution, input, path),
    });
  if (root) await executeNode(run, root, { path: [], objects: [run.data] });
  return shape(run, program, execution, run.data, []);
}

/** Shapes fetched data with a program (the operation's, or one deferred part's at `path`). */
function shape(
  run: ExecutionRun,
  program: ResponseProgram,
  execution: PlanExecution,
  input: ResultObject,
  path: ResponsePath,
): GatewayExecutionResult {
  const shaping: ShapingContext = {
    program,
    variables: run.variables,
    introspect: (selection) => introspect(execution, selection, run.requestVariables),
    errors: [],
    path: [...path],
    invalid: false,
    hasErrors: false,
  };
  let data: ResultObject | null;
  try {
    data = shapeResponse(shaping, input);
  } catch (error) {
    return {
      errors: [
        error instanceof GraphQLError
          ? error
          : new GraphQLError((error as Error).message, { originalError: error as Error }),
      ],
    };
  }
  // As @apollo/gateway: shaping errors after execution errors are usually their echo and are
  // dropped; alone they go under extensions.valueCompletion, not errors (clients rely on that).
  if (run.errors.length > 0) return { errors: run.errors as GraphQLErrorType[], data };
  if (shaping.errors.length > 0) return { data, extensions: { valueCompletion: shaping.errors } };
  return { data };
}

function operationOf(execution: PlanExecution) {
  const { operationContext } = execution;
  return operationFromDocument(
    execution.apiSchema,
    { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
    { validate: false },
  );
}

function typesOf(schema: GraphQLSchema): TypeConditions {
  let types = typeConditions.get(schema);
  if (!types) {
    types = new TypeConditions(schema);
    typeConditions.set(schema, types);
  }
  return types;
}

/** __schema / __type are answered from the API schema, never sent to a subgraph. */
function introspect(execution: PlanExecution, selection: FieldSelection, variables: Record<string, unknown>): unknown {
  const field = selection.expandFragments().toSelectionNode();
  const definitions = execution.operationContext.operation.variableDefinitions ?? [];
  const { data, errors } = executeSync({
    schema: execution.operationContext.schema,
    document: {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: "query" as never,
          variableDefinitions: definitions,
          selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
        },
      ],
    },
    rootValue: {},
    variableValues: variables,
  });
  if (errors?.length || !data)
    throw new Error(`Introspection failed: ${errors?.map((error) => error.message).join("; ")}`);
  return data[field.alias?.value ?? field.name.value];
}
