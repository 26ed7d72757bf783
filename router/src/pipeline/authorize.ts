// Stage: enforce @authenticated / @requiresScopes before planning (auth/filter-operation.ts).
// Unauthorized fields are removed from the operation, so no subgraph sees them; they come back as
// null with an UNAUTHORIZED_FIELD_OR_TYPE error each, and the rest of the operation runs. When
// nothing authorized remains the request is rejected (401 anonymous, 403 signed in).
import { buildOperationContext } from "@apollo/gateway";
import type { GraphQLFormattedError } from "graphql";
import { accessRequirements } from "../auth/access-requirements.js";
import { filterOperation, type ResponsePath } from "../auth/filter-operation.js";
import { GraphQLError, print } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";
import type { Authorization, RequestState } from "./request-state.js";
import type { ShapedResponse } from "./shape-response.js";

const CODE = "UNAUTHORIZED_FIELD_OR_TYPE";

export function authorize(state: RequestState): void {
  const { version, request, prepared, context } = state;
  const filtered = filterOperation(
    version.apiGraphQLSchema,
    accessRequirements(version.supergraphGraphQLSchema),
    prepared.document,
    prepared.operationContext.operation,
    context.identity,
  );
  if (filtered.denied.length === 0) return;
  context.logger.debug({ denied: filtered.denied.map((d) => d.coordinate) }, "unauthorized selections removed");
  if (!filtered.document) {
    const details = filtered.denied.map((d) => new GraphQLError(message(d.coordinate), { path: d.path }));
    const status = context.identity.userId === null ? 401 : 403;
    throw new RequestError(status, CODE, details[0]!.message, details);
  }
  // The filtered text is the plan-cache key: callers with different rights get different plans.
  state.request = { ...request, query: print(filtered.document) };
  state.prepared = {
    document: filtered.document,
    operationContext: buildOperationContext({
      schema: version.apiGraphQLSchema,
      operationDocument: filtered.document,
      operationName: request.operationName,
    }),
  };
  state.authorization = { denied: filtered.denied, emptied: filtered.emptied };
}

const message = (coordinate: string) => `Unauthorized field or type: ${coordinate}`;

/** Puts null where removed fields would have been and adds one error per removed field. */
export function withAuthorizationErrors(shaped: ShapedResponse, authorized: Authorization): ShapedResponse {
  if (authorized.denied.length === 0) return shaped;
  const data = shaped.body.data as Record<string, unknown> | null | undefined;
  for (const { path, kind } of authorized.denied) if (kind === "field") setNull(data, path);
  for (const path of authorized.emptied) setNull(data, path);
  const errors: GraphQLFormattedError[] = authorized.denied.map(({ path, coordinate }) => ({
    message: message(coordinate),
    path,
    extensions: { code: CODE },
  }));
  return { ...shaped, body: { ...shaped.body, errors: [...errors, ...(shaped.body.errors ?? [])] } };
}

/** Sets the response key at `path` to null, through lists; stops at nulls (a parent already null). */
function setNull(value: unknown, path: ResponsePath): void {
  if (value === null || value === undefined || path.length === 0) return;
  if (Array.isArray(value)) {
    for (const item of value) setNull(item, path);
    return;
  }
  if (typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (!(head in record)) record[head] = null;
    return;
  }
  setNull(record[head], rest);
}
