// Stage: parse and validate the document (cached per schema version by query text), pick the
// operation, enforce transport rules per operation kind and coerce variables. Every rejection is
// a 4xx with a code. Size and token limits apply while parsing and shape limits before validation
// (protection/); a document over a limit is not cached.
import { buildOperationContext } from "@apollo/gateway";
import type { DocumentNode, GraphQLError } from "graphql";
import { getVariableValues, NoSchemaIntrospectionCustomRule, specifiedRules, validate } from "../graphql-runtime.js";
import { checkDocumentLimits } from "../protection/document-limits.js";
import { parseWithLimits } from "../protection/parse-with-limits.js";
import type { OperationLimits } from "../protection/protection-config.js";
import { RequestError } from "../request/request-error.js";
import type { RouterComponents } from "../router-components.js";
import { subscriptionTransportHint } from "../subscriptions/transports.js";
import type { CachedDocument, SchemaVersion } from "../supergraph/schema-version.js";
import type { RequestState } from "./request-state.js";

export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PreparedOperation {
  document: DocumentNode;
  operationContext: OperationContext;
}

export function prepareOperation(
  state: RequestState,
  router: Pick<RouterComponents, "development" | "protection">,
): void {
  const { version, request } = state;
  let cached = version.documents.get(request.query);
  if (!cached) {
    cached = parseAndValidate(version, request.query, router.development, router.protection.limits);
    version.documents.set(request.query, cached);
  }
  if (!cached.document) throw new RequestError(400, cached.errorCode!, cached.errors[0]!.message, cached.errors);

  let operationContext: OperationContext;
  try {
    operationContext = buildOperationContext({
      schema: version.apiGraphQLSchema,
      operationDocument: cached.document,
      operationName: request.operationName,
    });
  } catch (error) {
    throw new RequestError(400, "OPERATION_RESOLUTION_FAILURE", (error as Error).message);
  }
  const kind = operationContext.operation.operation;
  // Events need a stream: a WebSocket or a multipart response (subscriptions/), not one JSON body.
  if (kind === "subscription" && !state.input.subscriptionTransport)
    throw new RequestError(406, "SUBSCRIPTION_TRANSPORT_REQUIRED", subscriptionTransportHint);
  if (kind === "mutation" && state.input.method !== "POST")
    throw new RequestError(405, "METHOD_NOT_ALLOWED", "Mutations can only be sent over POST");

  const { errors } = getVariableValues(
    version.apiGraphQLSchema,
    operationContext.operation.variableDefinitions ?? [],
    request.variables ?? {},
  );
  if (errors) throw new RequestError(400, "BAD_USER_INPUT", errors[0]!.message, errors);
  state.prepared = { document: cached.document, operationContext };
}

function parseAndValidate(
  version: SchemaVersion,
  query: string,
  introspection: boolean,
  limits: OperationLimits,
): CachedDocument {
  let document: DocumentNode;
  try {
    document = parseWithLimits(query, limits);
    checkDocumentLimits(document, limits);
  } catch (error) {
    if (error instanceof RequestError) throw error; // over a limit: rejected, never cached
    return { errors: [error as GraphQLError], errorCode: "GRAPHQL_PARSE_FAILED" };
  }
  const rules = introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const errors = validate(version.apiGraphQLSchema, document, rules);
  if (errors.length > 0) return { errors, errorCode: "GRAPHQL_VALIDATION_FAILED" };
  return { document, errors: [] };
}
