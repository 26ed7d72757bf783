// The contract every subgraph's app.ts fulfils: ONE definition saying what the service is made
// of. The kernel runtime (start-service.ts) turns it into a running process, the same way for
// production (server.ts), tests, the e2e stack and the bench.
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { DocumentNode } from "graphql";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { PgEnv } from "../db/pg-connection.js";
import type { EventDefinition } from "../events/envelope.js";
import type { BaseRequestContext, HttpRoute } from "../graphql/subgraph-server.js";
import type { EventHandler } from "../kafka/consumer-runner.js";
import type { Lifecycle } from "../lifecycle/lifecycle.js";
import type { PeriodicJob } from "../lifecycle/periodic-job.js";
import type { LiveEvents } from "../live/live-events.js";
import type { Logger } from "../logging/logger.js";
import type { SqlExecutor } from "../outbox/outbox.js";

/** What every service environment has (serviceEnv, portEnv, postgresEnv, kafkaEnv, identityEnv). */
export interface BaseServiceEnv extends PgEnv {
  NODE_ENV: "development" | "test" | "production";
  LOG_LEVEL: string;
  HOST: string;
  PORT: number;
  /** Required by a service that publishes or consumes events. */
  KAFKA_BROKERS?: string[];
  KAFKA_TOPIC_PREFIX?: string;
  IDENTITY_HMAC_SECRET: string;
  REDIS_URL?: string;
  /** serviceEnv: how long /ready fails before the port closes on shutdown. */
  SHUTDOWN_DRAIN_MS?: number;
}

/** The database client a service runs on (each domain's generated PrismaClient). */
export interface ServiceDatabase {
  $disconnect(): Promise<void>;
  $queryRawUnsafe(sql: string): Promise<unknown>;
}

export interface DatabaseOptions {
  /** Called once per SQL statement sent (debugging; tests count statements to prove batching). */
  onQuery?: (sql: string) => void;
}

/** What a definition's build() gets: the resources the runtime made from the environment. */
export interface ServiceResources<Env, Db> {
  env: Env;
  db: Db;
  /** Only when the definition asks for Redis. */
  redis: Redis;
  logger: Logger;
  lifecycle: Lifecycle;
  /** The service's clock (tests may pin it); wall-clock time unless told. */
  clock: () => Date;
  /** The events named by `liveEvents`, as they happen: what GraphQL subscriptions stream. */
  live: LiveEvents;
}

/** Something that runs in the background besides HTTP, e.g. a NOTIFY-driven worker. */
export interface BackgroundWorker {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceConsumers<Tx extends SqlExecutor = SqlExecutor> {
  handlers: EventHandler<Tx>[];
  /** Runs fn in one database transaction (the handler's effect + processed_event). */
  transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>;
  /** Consecutive events of a partition applied in one transaction (ConsumerRunner); default 1. */
  eventsPerTransaction?: number;
}

/** What a service is made of once built. */
export interface ServiceParts<Services = unknown, Ctx = unknown> {
  typeDefs: DocumentNode;
  // biome-ignore lint/suspicious/noExplicitAny: resolver maps are typed per subgraph
  resolvers: GraphQLResolverMap<any>;
  /** The per-request context (fresh DataLoaders per request). */
  context(base: BaseRequestContext): Ctx | Promise<Ctx>;
  /** The domain services, for the runtime's callers (tests, seeds, benches). */
  services: Services;
  /** Topics the outbox relay publishes to; a service without outbox leaves it out. */
  publishes?: string[];
  // biome-ignore lint/suspicious/noExplicitAny: each service has its own transaction type
  consumers?: ServiceConsumers<any>;
  /** Events every replica receives (own consumer group) for its GraphQL subscriptions (`live`). */
  // biome-ignore lint/suspicious/noExplicitAny: definitions of any payload
  liveEvents?: EventDefinition<any>[];
  jobs?: PeriodicJob[];
  workers?: BackgroundWorker[];
  /** Extra /ready checks besides PostgreSQL, Redis and Kafka. */
  readiness?: Record<string, () => Promise<unknown>>;
  routes?: Record<string, HttpRoute>;
  /** Runs after build and before HTTP serves (e.g. make sure a signing key exists). */
  beforeServe?(): Promise<void>;
  /** Loads the deterministic development data, idempotently (`src/seed.ts`); returns a summary. */
  seed?(): Promise<string>;
}

export interface ServiceDefinition<
  Env extends BaseServiceEnv = BaseServiceEnv,
  Db extends ServiceDatabase = ServiceDatabase,
  Parts extends ServiceParts = ServiceParts,
> {
  name: string;
  envShape: z.ZodRawShape;
  createDatabase(env: Env, options: DatabaseOptions): Db;
  /** The service uses Redis (its env has REDIS_URL). */
  redis?: boolean;
  build(resources: ServiceResources<Env, Db>): Parts | Promise<Parts>;
}

/** Identity function that checks a definition against the contract and keeps its types. */
export const defineService = <Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
) => definition;
