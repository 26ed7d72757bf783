// The request path, in order: one HTTP request runs these stages on one RequestState. Each stage
// reads what earlier ones set and adds its part; a RequestError thrown by any stage ends the
// request with its status and code (run-graphql-request.ts).

import { fragmentsByName } from "../protection/document-limits.js";
import { enforceOperationCost } from "../protection/operation-cost.js";
import { checkTransport } from "../protection/transport.js";
import type { RouterComponents } from "../router-components.js";
import { authenticate } from "./authenticate.js";
import { authorize } from "./authorize.js";
import { executePlan } from "./execute-plan.js";
import { planOperation } from "./plan-operation.js";
import { prepareOperation } from "./prepare-operation.js";
import { readRequest } from "./read-request.js";
import type { RequestState } from "./request-state.js";
import { resolveOverrides } from "./resolve-overrides.js";

export type Stage = (state: RequestState, router: RouterComponents) => void | Promise<void>;

export const stages: ReadonlyArray<readonly [name: string, stage: Stage]> = [
  // GET/POST only; a POST must not be a "simple" cross-site request (CSRF).
  ["transport", (state) => checkTransport(state.input.method, state.input.headers)],
  // JSON body or query string → query, operationName, variables, extensions, documentId.
  ["read", readRequest],
  // A documentId or APQ hash → the registered text (protection/trusted-documents.ts).
  [
    "trusted-document",
    async (state, router) => {
      state.request = await router.protection.trustedDocuments.resolve(state.request);
    },
  ],
  // Parse within size/token limits, shape limits, validate, pick the operation, coerce variables.
  ["prepare", prepareOperation],
  // Estimated cost and page sizes, now that variables are known (protection/operation-cost.ts).
  [
    "cost",
    (state, router) =>
      void enforceOperationCost({
        operation: state.prepared.operationContext.operation,
        fragments: fragmentsByName(state.prepared.document),
        schema: state.version.apiGraphQLSchema,
        directiveSchema: state.version.supergraphGraphQLSchema,
        variables: state.request.variables ?? {},
        limits: router.protection.limits,
      }),
  ],
  // Bearer token → identity; signed identity headers for every subgraph fetch.
  ["authenticate", authenticate],
  // Production: unregistered documents are refused (trusted documents).
  [
    "safelist",
    (state, router) => router.protection.trustedDocuments.assertAllowed(state.request, state.prepared.document),
  ],
  // Per caller (user id, else client IP), queries and mutations on separate budgets.
  [
    "rate-limit",
    async (state, router) => {
      await router.protection.rateLimiter?.enforce({
        userId: state.context.identity.userId,
        clientIp: state.input.clientIp ?? "unknown",
        mutation: state.prepared.operationContext.operation.operation === "mutation",
      });
    },
  ],
  // @authenticated / @requiresScopes: remove what the caller may not see.
  ["authorize", authorize],
  // Progressive @override: which labels are on for this caller.
  ["overrides", resolveOverrides],
  ["plan", planOperation],
  // Shadow reads: a sample of the requests touching a migrating field is compared with its other path.
  ["shadow-sample", (state, router) => router.shadowReads.sample(state, router)],
  ["execute", executePlan],
];
