// One Fetch node: a root fetch merges the subgraph's data into the result; an entity fetch sends
// the (deduplicated) representations of the entities under the cursor as `_entities` and merges
// each answer into the entities it stands for. Subgraph errors are collected with their paths
// mapped into the client's response; the plan goes on with whatever data arrived.
import type { FetchNode } from "@apollo/query-planner";
import type { GraphQLFormattedError } from "graphql";
import { applyRewrites } from "./data-rewrites.js";
import { downstreamError, type ErrorPathMapper } from "./downstream-errors.js";
import { collectRepresentations, type RepresentationBatch } from "./entity-representations.js";
import type { ExecutionRun } from "./execution-run.js";
import { isResultObject, mergeInto, type ResultObject } from "./merge-into.js";
import { concretePaths, type ResultCursor } from "./result-cursor.js";

export async function executeFetch(run: ExecutionRun, fetch: FetchNode, cursor: ResultCursor): Promise<void> {
  if (cursor.objects.length === 0) return;
  const variables = fetchVariables(run, fetch);
  if (!fetch.requires) {
    const data = await send(run, fetch, variables, (path) => (path ? [...cursor.path, ...path] : undefined));
    if (!isResultObject(data)) return;
    applyRewrites(fetch.outputRewrites, data, run.types);
    for (const object of cursor.objects) mergeInto(object, data);
    return;
  }
  const batch = collectRepresentations(cursor.objects, fetch.requires, run.types, (representation) =>
    applyRewrites(fetch.inputRewrites, representation, run.types),
  );
  if (batch.representations.length === 0) return;
  if ("representations" in variables) throw new Error(`Variables cannot contain key "representations"`);
  variables.representations = batch.representations;
  const data = await send(run, fetch, variables, entityErrorPaths(run, cursor, batch));
  if (!isResultObject(data)) return;
  const received = data._entities;
  if (!Array.isArray(received)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (received.length !== batch.representations.length)
    throw new Error(`Expected "data._entities" to contain ${batch.representations.length} elements`);
  for (let index = 0; index < received.length; index++) {
    const entity = received[index];
    if (!isResultObject(entity)) continue;
    const targets = batch.targets[index] ?? [];
    if (!entity.__typename) entity.__typename = targets[0]?.__typename;
    applyRewrites(fetch.outputRewrites, entity, run.types);
    for (const target of targets) mergeInto(target, entity);
  }
}

function fetchVariables(run: ExecutionRun, fetch: FetchNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const name of fetch.variableUsages ?? []) {
    if (Object.hasOwn(run.requestVariables, name) && run.requestVariables[name] !== undefined)
      variables[name] = run.requestVariables[name];
  }
  return variables;
}

async function send(
  run: ExecutionRun,
  fetch: FetchNode,
  variables: Record<string, unknown>,
  mapPath: ErrorPathMapper,
): Promise<unknown> {
  const service = run.services[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const response = await service.process({
    kind: "incoming operation" as never,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: run.requestContext,
    context: run.context,
    document: fetch.operationDocumentNode,
  } as Parameters<typeof service.process>[0]);
  if (response.errors) {
    for (const error of response.errors as readonly GraphQLFormattedError[])
      run.errors.push(downstreamError(error, fetch.serviceName, mapPath));
  }
  return response.data;
}

/** `["_entities", i, ...rest]` → the path of representation i's first entity, then rest. */
function entityErrorPaths(run: ExecutionRun, cursor: ResultCursor, batch: RepresentationBatch): ErrorPathMapper {
  let paths: Map<ResultObject, (string | number)[]> | undefined;
  return (path) => {
    if (!path) return undefined;
    const index = path[1];
    if (typeof index !== "number") return [...cursor.path, ...path];
    paths ??= concretePaths(run.data, cursor.path);
    const target = batch.targets[index]?.[0];
    return [...((target && paths.get(target)) ?? []), ...path.slice(2)];
  };
}
