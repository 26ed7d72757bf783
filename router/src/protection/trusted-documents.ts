// Trusted documents: registered operations run by id (`documentId`, or an APQ hash that is in the
// manifest); automatic persisted queries (APQ) register other documents by hash. In production
// (unless ALLOW_ARBITRARY_OPERATIONS) only registered documents run: APQ registration is off
// and a full query text runs only when its normalized form is in the manifest.
import type { DocumentNode } from "graphql";
import { Kind, print } from "../graphql-runtime.js";
import type { GraphQLRequest } from "../request/graphql-request.js";
import { RequestError } from "../request/request-error.js";
import { BoundedCache } from "../supergraph/bounded-cache.js";
import type { ApqStore } from "./apq-store.js";
import { type ManifestEntry, normalizeDocument, sha256 } from "./operation-manifest.js";

export interface TrustedRequest extends GraphQLRequest {
  /** The text came from the manifest. */
  trusted: boolean;
}

const notFound = () =>
  // Apollo clients look for this message and then resend with the full query; the status stays
  // 200 because they treat a 400 as "server does not support APQ".
  new RequestError(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");

export class TrustedDocuments {
  private readonly byId = new Map<string, string>();
  /** Query texts already found to match a registered document. */
  private readonly knownTexts = new BoundedCache<string, true>(5_000);

  constructor(
    entries: readonly ManifestEntry[],
    /** Production without ALLOW_ARBITRARY_OPERATIONS: only registered documents run. */
    readonly enforcing: boolean,
    private readonly apq: ApqStore,
  ) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry.body);
      // Full-text requests match on the normalized text (a persisted document's differs from its id).
      this.byId.set(sha256(normalizeDocument(entry.body)), entry.body);
    }
  }

  /** Fills in the query text for `documentId` / APQ requests. */
  async resolve(request: GraphQLRequest): Promise<TrustedRequest> {
    if (request.documentId !== undefined) {
      const body = this.byId.get(request.documentId.replace(/^sha256:/, "").toLowerCase());
      if (!body)
        throw new RequestError(
          400,
          "PERSISTED_QUERY_NOT_FOUND",
          `No registered operation has id ${request.documentId}`,
        );
      return { ...request, query: body, trusted: true };
    }
    const hash = persistedQueryHash(request.extensions);
    if (hash === undefined) return { ...request, trusted: false };
    const registered = this.byId.get(hash);
    if (registered) return { ...request, query: registered, trusted: true };
    if (request.query) {
      if (sha256(request.query) !== hash)
        throw new RequestError(400, "PERSISTED_QUERY_HASH_MISMATCH", "sha256Hash does not match the query sent");
      if (!this.enforcing) await this.apq.set(hash, request.query);
      return { ...request, trusted: false };
    }
    if (this.enforcing) throw notFound();
    const text = await this.apq.get(hash);
    if (!text) throw notFound();
    return { ...request, query: text, trusted: false };
  }

  /** In enforcing mode, refuses a document that is not registered (checked on the parsed document). */
  assertAllowed(request: TrustedRequest, document: DocumentNode): void {
    if (!this.enforcing || request.trusted || this.knownTexts.get(request.query)) return;
    if (!onlyTypename(document) && !this.byId.has(sha256(print(document))))
      throw new RequestError(
        403,
        "PERSISTED_QUERY_NOT_IN_LIST",
        "This router only runs registered operations: send a documentId from schema/operations/manifest.json",
      );
    this.knownTexts.set(request.query, true);
  }
}

/** `{ __typename }` readiness probes (load balancers, benchmarks) reveal nothing: always allowed. */
function onlyTypename(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD && selection.name.value === "__typename" && !selection.selectionSet,
      ),
  );
}

function persistedQueryHash(extensions: Record<string, unknown> | undefined): string | undefined {
  const persisted = extensions?.persistedQuery;
  if (persisted === undefined) return undefined;
  const { version, sha256Hash } = (persisted ?? {}) as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1)
    throw new RequestError(400, "PERSISTED_QUERY_NOT_SUPPORTED", "Only persistedQuery version 1 is supported");
  if (typeof sha256Hash !== "string" || !/^[0-9a-f]{64}$/i.test(sha256Hash))
    throw new RequestError(400, "BAD_REQUEST", "persistedQuery.sha256Hash must be a hex SHA-256");
  return sha256Hash.toLowerCase();
}
