// Everything derived from one supergraph SDL: schemas, query planner, data sources and the
// per-schema caches. Immutable; a hot reload builds a new version and swaps the pointer, so a
// request keeps the version it started with until it finishes.
import { createHash } from "node:crypto";
import { type Schema, Supergraph } from "@apollo/federation-internals";
import type { ServiceMap } from "@apollo/gateway";
import { type QueryPlan, QueryPlanner } from "@apollo/query-planner";
import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import { withEntityCache } from "../cache/caching-data-source.js";
import { cachePolicyFromSchema } from "../cache/policy-from-schema.js";
import type { RouterCache } from "../cache/router-cache.js";
import type { InFlightFetches } from "../datasource/in-flight-fetches.js";
import type { SubgraphPools } from "../datasource/subgraph-pools.js";
import { type SubgraphAnswer, UndiciDataSource } from "../datasource/undici-data-source.js";
import { BoundedCache } from "./bounded-cache.js";
import { supergraphBuildOptions } from "./supported-features.js";

export interface CachedDocument {
  document?: DocumentNode;
  errors: readonly GraphQLError[];
  errorCode?: "GRAPHQL_PARSE_FAILED" | "GRAPHQL_VALIDATION_FAILED";
}

export interface SchemaVersion {
  id: string;
  supergraph: Supergraph;
  apiSchema: Schema;
  apiGraphQLSchema: GraphQLSchema;
  supergraphGraphQLSchema: GraphQLSchema;
  planner: QueryPlanner;
  serviceMap: ServiceMap;
  subgraphUrls: Record<string, string>;
  documents: BoundedCache<string, CachedDocument>;
  plans: BoundedCache<string, QueryPlan>;
}

export interface SubgraphRouting {
  /** name → URL; wins over the routing URL recorded in the supergraph. */
  urlOverrides: Record<string, string>;
  defaultTimeoutMs: number;
  timeouts: Record<string, number>;
  pools: SubgraphPools;
  /** Identical query fetches in flight share one request (per caller); absent = off. */
  inFlightFetches?: InFlightFetches<SubgraphAnswer>;
  /** Entity/response cache (router/src/cache): wraps every subgraph's data source when set. */
  entityCache?: Pick<RouterCache, "store" | "policy">;
}

export function buildSchemaVersion(sdl: string, routing: SubgraphRouting): SchemaVersion {
  const supergraph = Supergraph.build(sdl, supergraphBuildOptions);
  const apiSchema = supergraph.apiSchema();
  const serviceMap: ServiceMap = Object.create(null);
  const subgraphUrls: Record<string, string> = {};
  for (const { name, url } of supergraph.subgraphsMetadata()) {
    const resolved = routing.urlOverrides[name] ?? routing.urlOverrides[name.replaceAll("-", "_")] ?? url;
    const timeoutMs = routing.timeouts[name] ?? routing.defaultTimeoutMs;
    serviceMap[name] = new UndiciDataSource({ name, url: resolved, timeoutMs }, routing.pools, routing.inFlightFetches);
    subgraphUrls[name] = resolved;
  }
  const supergraphGraphQLSchema = supergraph.schema.toGraphQLJSSchema();
  if (routing.entityCache)
    withEntityCache(
      serviceMap,
      supergraphGraphQLSchema,
      routing.entityCache.store,
      routing.entityCache.policy ?? cachePolicyFromSchema(supergraphGraphQLSchema),
    );
  return {
    id: createHash("sha256").update(sdl).digest("hex").slice(0, 12),
    supergraph,
    apiSchema,
    // @defer is part of the API: clients that accept multipart/mixed get deferred parts later.
    apiGraphQLSchema: apiSchema.toGraphQLJSSchema({ includeDefer: true }),
    supergraphGraphQLSchema,
    planner: new QueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } }),
    serviceMap,
    subgraphUrls,
    documents: new BoundedCache(2_000),
    plans: new BoundedCache(2_000),
  };
}
