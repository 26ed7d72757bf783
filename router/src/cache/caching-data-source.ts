// Per-subgraph data source wrapper that serves query-plan fetches from the entity cache.
// `_entities` fetches are split per representation: cached ones come from L1/Redis, only the
// misses go to the subgraph (in one request), and the answers are merged back in order. Root-field
// fetches are cached whole. Anything with errors, mutations, uncacheable selections (per
// policy.ts) and PRIVATE data of anonymous callers pass straight through.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { RouterContext } from "../request/router-context.js";
import { BoundedCache } from "../supergraph/bounded-cache.js";
import { audienceKey, entityId, entityKey, rootKey, selectionHash } from "./cache-keys.js";
import { collectRefs } from "./entity-refs.js";
import type { EntityStore } from "./entity-store.js";
import { analyseFetch, type FetchShape } from "./fetch-shape.js";
import { type CachePolicy, type FetchPolicy, resolveFetchPolicy } from "./policy.js";

type Options = GraphQLDataSourceProcessOptions<RouterContext>;
type Representation = Record<string, unknown> & { __typename: string };
type Analysed = { shape: FetchShape; policy: FetchPolicy | null } | { shape: null; policy: null };

export class CachingDataSource implements GraphQLDataSource<RouterContext> {
  private readonly analysed = new BoundedCache<string, Analysed>(2_000);
  private readonly cachedTypes: ReadonlySet<string>;

  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<RouterContext>,
    private readonly schema: GraphQLSchema,
    private readonly store: EntityStore,
    private readonly policy: CachePolicy,
  ) {
    this.cachedTypes = new Set(Object.keys(policy.types));
  }

  process(options: Options): Promise<GatewayGraphQLResponse> {
    const query = options.request.query;
    if ((options.kind as string) !== "incoming operation" || !query) return this.inner.process(options);
    const { shape, policy } = this.analyse(query);
    if (!shape || !policy) return this.inner.process(options);
    const audience = audienceKey(policy.scope, options.context.identity);
    if (audience === null) return this.inner.process(options);
    const selection = selectionHash(query, options.request.variables);
    return shape.kind === "entities"
      ? this.entities(options, shape, policy, selection, audience)
      : this.root(options, shape, policy, selection, audience);
  }

  private analyse(query: string): Analysed {
    let analysed = this.analysed.get(query);
    if (!analysed) {
      try {
        const shape = analyseFetch(query, this.schema);
        analysed = {
          shape,
          policy: shape.kind === "uncacheable" ? null : resolveFetchPolicy(this.policy, shape.selection),
        };
      } catch {
        analysed = { shape: null, policy: null };
      }
      this.analysed.set(query, analysed);
    }
    return analysed;
  }

  private async entities(
    options: Options,
    shape: FetchShape,
    policy: FetchPolicy,
    selection: string,
    audience: string,
  ): Promise<GatewayGraphQLResponse> {
    const representations = options.request.variables?.representations as Representation[] | undefined;
    if (!Array.isArray(representations) || representations.length === 0) return this.inner.process(options);
    const ids = representations.map((rep) => entityId(rep));
    const keys = representations.map((rep, i) =>
      entityKey(this.subgraph, rep.__typename, ids[i]!, selection, audience),
    );
    const startedAt = Date.now();
    const cached = await this.store.getMany(
      keys,
      representations.map((rep) => rep.__typename),
      startedAt,
    );
    const misses = cached.flatMap((value, i) => (value === undefined ? [i] : []));
    if (misses.length === 0) return { data: { _entities: cached.map((value) => JSON.parse(value!)) } };

    const request = {
      ...options.request,
      variables: { ...options.request.variables, representations: misses.map((i) => representations[i]) },
    };
    const response = await this.inner.process({ ...options, request });
    const fetched = response.data?._entities as unknown[] | undefined;
    if (!Array.isArray(fetched) || fetched.length !== misses.length) {
      // No usable data (e.g. the subgraph failed): pass its errors on; the gateway reports them.
      const { data: _unusable, ...rest } = remapErrors(response, misses);
      return rest;
    }
    const clean = !response.errors || response.errors.length === 0;
    const merged = cached.map((value) => (value === undefined ? undefined : JSON.parse(value)));
    misses.forEach((index, j) => {
      const entity = fetched[j];
      merged[index] = entity;
      if (!clean || entity === null || typeof entity !== "object") return;
      const rep = representations[index]!;
      const { refs, indexable } = collectRefs(entity, shape, this.schema, {
        hintedFields: policy.hintedFields,
        cachedTypes: this.cachedTypes,
        variables: options.request.variables ?? {},
        entity: { type: rep.__typename, id: ids[index]! },
      });
      if (indexable) this.store.set(keys[index]!, JSON.stringify(entity), policy.maxAge, [...refs], startedAt);
    });
    return { ...remapErrors(response, misses), data: { ...response.data, _entities: merged } };
  }

  private async root(
    options: Options,
    shape: FetchShape,
    policy: FetchPolicy,
    selection: string,
    audience: string,
  ): Promise<GatewayGraphQLResponse> {
    const key = rootKey(this.subgraph, selection, audience);
    const label = shape.selection.anchors.rootFields[0] ?? "Query";
    const startedAt = Date.now();
    const [cached] = await this.store.getMany([key], [label], startedAt);
    if (cached !== undefined) return { data: JSON.parse(cached) };
    const response = await this.inner.process(options);
    if (response.data && (!response.errors || response.errors.length === 0)) {
      const { refs, indexable } = collectRefs(response.data, shape, this.schema, {
        hintedFields: policy.hintedFields,
        cachedTypes: this.cachedTypes,
        variables: options.request.variables ?? {},
      });
      if (indexable) this.store.set(key, JSON.stringify(response.data), policy.maxAge, [...refs], startedAt);
    }
    return response;
  }
}

/** Error paths of a partial `_entities` fetch point into the misses; map them to the full list. */
function remapErrors(response: GatewayGraphQLResponse, misses: number[]): GatewayGraphQLResponse {
  if (!response.errors) return response;
  const errors = response.errors.map((error) => {
    const path = error.path;
    if (path?.[0] !== "_entities" || typeof path[1] !== "number") return error;
    return { ...error, path: ["_entities", misses[path[1]] ?? path[1], ...path.slice(2)] };
  });
  return { ...response, errors: errors as GatewayGraphQLResponse["errors"] };
}

/** Wraps every data source of a schema version's service map (called once per version). */
export function withEntityCache(
  serviceMap: Record<string, GraphQLDataSource<RouterContext>>,
  schema: GraphQLSchema,
  store: EntityStore,
  policy: CachePolicy,
): void {
  for (const [name, source] of Object.entries(serviceMap))
    serviceMap[name] = new CachingDataSource(name, source, schema, store, policy);
}
