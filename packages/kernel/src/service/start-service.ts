// The one runtime every service starts through: environment, logging, tracing, database, Redis,
// HTTP (served as soon as the database answers), outbox relay, consumers, workers and periodic
// jobs, with shutdown in the order a rolling deploy needs (stop HTTP, then the background parts,
// then the connections). Tests, the e2e stack and the bench pass overrides; production passes none.
import type { Redis } from "ioredis";
import { parseEnv } from "../config/env.js";
import { namespacedTopic } from "../events/topics.js";
import { startSubgraphServer } from "../graphql/subgraph-server.js";
import { createKafka } from "../kafka/client.js";
import { ConsumerRunner } from "../kafka/consumer-runner.js";
import { createLifecycle, type Lifecycle } from "../lifecycle/lifecycle.js";
import { startPeriodicJob } from "../lifecycle/periodic-job.js";
import { startLiveEventConsumer } from "../live/live-event-consumer.js";
import { createLiveEvents, type LiveEvents } from "../live/live-events.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { startOutboxRelay } from "../runtime/outbox-relay.js";
import { createRedis } from "../runtime/redis.js";
import type {
  BaseServiceEnv,
  ServiceDatabase,
  ServiceDefinition,
  ServiceParts,
  ServiceResources,
} from "./definition.js";

export interface StartServiceOptions {
  /** Environment on top of process.env (tests: PORT "0", LOG_LEVEL, feature settings). */
  env?: Record<string, string | undefined>;
  /** Consumer group id; defaults to the service name. Tests give each instance its own. */
  consumerGroup?: string;
  /** Where a NEW consumer group starts: "beginning" (default, rebuilds read models) or "end". */
  consumersStartAt?: "beginning" | "end";
  /** Run the periodic jobs (default true); tests that drive a job by hand turn them off. */
  jobs?: boolean;
  logger?: Logger;
  /** The clock the service's rules read (default: wall-clock time). */
  clock?: () => Date;
  /** Sees every SQL statement the service's database client sends. */
  onQuery?: (sql: string) => void;
  /** Stop on SIGTERM/SIGINT from the moment the lifecycle exists, also while still starting
   * (a process entry point: an orchestrator may stop a pod that has not finished starting). */
  signals?: boolean;
}

/** A service built from its definition, with its resources, but not serving or consuming. */
export interface BuiltService<Env, Db, Parts extends ServiceParts> extends ServiceResources<Env, Db> {
  name: string;
  parts: Parts;
  services: Parts["services"];
  stop(reason?: string): Promise<void>;
}

export interface RunningService<Env, Db, Parts extends ServiceParts> extends BuiltService<Env, Db, Parts> {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4002/graphql. */
  url: string;
  /** The origin, e.g. http://127.0.0.1:4002, for the service's plain HTTP routes. */
  baseUrl: string;
  port: number;
  /** Resolves once the live-event group has joined (tests wait for it; serving never does). */
  liveEventsJoined: Promise<void>;
}

/** The running form of a definition, e.g. `RunningServiceOf<typeof catalogService>`. */
export type RunningServiceOf<D> =
  D extends ServiceDefinition<infer Env, infer Db, infer Parts> ? RunningService<Env, Db, Parts> : never;
export type BuiltServiceOf<D> =
  D extends ServiceDefinition<infer Env, infer Db, infer Parts> ? BuiltService<Env, Db, Parts> : never;

/**
 * Builds a definition (environment, logger, database, Redis, services) without serving HTTP or
 * starting background work: for seeds and for tests of the domain services themselves.
 */
export async function buildService<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
  options: StartServiceOptions = {},
): Promise<BuiltService<Env, Db, Parts>> {
  const { name } = definition;
  const env = parseEnv(definition.envShape, { ...process.env, ...options.env }) as unknown as Env;
  const logger = options.logger ?? createLogger(name, env.LOG_LEVEL);
  // Time for the drain, in-flight requests, consumers leaving and the outbox flush before a forced exit.
  const lifecycle = createLifecycle(logger, 15_000 + (env.SHUTDOWN_DRAIN_MS ?? 0));
  if (options.signals) lifecycle.installSignalHandlers();
  try {
    const db = definition.createDatabase(env, { onQuery: options.onQuery });
    lifecycle.add("postgres", () => db.$disconnect());
    const redis = definition.redis ? createRedis(env as { REDIS_URL: string }, { name, logger, lifecycle }) : undefined;
    const clock = options.clock ?? (() => new Date());
    const live = createLiveEvents();
    const resources = { env, db, redis: redis ?? missingRedis(name), logger, lifecycle, clock, live };
    const parts = await definition.build(resources);
    return {
      ...resources,
      name,
      parts,
      services: parts.services,
      stop: (reason = "stop") => lifecycle.shutdown(reason),
    };
  } catch (error) {
    await lifecycle.shutdown("start-up failure");
    throw error;
  }
}

/** Builds and runs a definition: HTTP first (it needs only the database), then the background parts. */
export async function startService<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  definition: ServiceDefinition<Env, Db, Parts>,
  options: StartServiceOptions = {},
): Promise<RunningService<Env, Db, Parts>> {
  const built = await buildService(definition, options);
  try {
    return await serve(built, options, definition.redis ?? false);
  } catch (error) {
    await built.stop("start-up failure");
    throw error;
  }
}

async function serve<Env extends BaseServiceEnv, Db extends ServiceDatabase, Parts extends ServiceParts>(
  built: BuiltService<Env, Db, Parts>,
  options: StartServiceOptions,
  usesRedis: boolean,
): Promise<RunningService<Env, Db, Parts>> {
  const { name, parts, env, db, redis, logger, lifecycle } = built;
  await parts.beforeServe?.();
  const server = await startSubgraphServer({
    name,
    typeDefs: parts.typeDefs,
    resolvers: parts.resolvers,
    context: parts.context,
    routes: parts.routes,
    port: env.PORT,
    host: env.HOST,
    logger,
    identitySecret: env.IDENTITY_HMAC_SECRET,
    kafkaBrokers: parts.publishes || parts.consumers || parts.liveEvents ? env.KAFKA_BROKERS : undefined,
    drainMs: env.SHUTDOWN_DRAIN_MS,
    readiness: {
      postgres: () => db.$queryRawUnsafe("SELECT 1"),
      ...(usesRedis ? { redis: () => redis.ping() } : {}),
      ...parts.readiness,
    },
  });
  let liveEventsJoined = Promise.resolve();
  try {
    // An object, not the promise itself: awaiting a returned promise would wait for the join.
    ({ liveEventsJoined } = await startBackground(name, parts, options, env, logger, lifecycle, built.live));
  } catch (error) {
    await server.close();
    throw error;
  }
  // Registered last so it closes FIRST: no new requests, in-flight ones finish, then the rest.
  lifecycle.add("http", () => server.close());
  return {
    ...built,
    url: server.url,
    baseUrl: server.url.replace(/\/graphql$/, ""),
    port: server.port,
    liveEventsJoined,
  };
}

/** Outbox relay, consumers, workers and jobs: what runs besides HTTP. */
async function startBackground(
  name: string,
  parts: ServiceParts,
  options: StartServiceOptions,
  env: BaseServiceEnv,
  logger: Logger,
  lifecycle: Lifecycle,
  live: LiveEvents,
): Promise<{ liveEventsJoined: Promise<void> }> {
  let liveEventsJoined = Promise.resolve();
  if (!parts.publishes && !parts.consumers && !parts.liveEvents) return { liveEventsJoined };
  const brokers = env.KAFKA_BROKERS;
  if (!brokers) throw new Error(`${name} publishes or consumes events but its environment has no KAFKA_BROKERS`);
  if (parts.liveEvents) {
    // Joins in the background: subscriptions attach at once and see events once it has joined.
    const consumer = startLiveEventConsumer({
      kafka: createKafka({ clientId: `${name}-live`, brokers, logger }),
      service: name,
      definitions: parts.liveEvents,
      live,
      logger: logger.child({ component: "live-events" }),
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
    });
    lifecycle.add("live events", () => consumer.stop());
    liveEventsJoined = consumer.joined;
  }
  if (parts.publishes)
    await startOutboxRelay({
      service: name,
      env: { ...env, KAFKA_BROKERS: brokers },
      logger,
      lifecycle,
      topics: parts.publishes,
    });
  if (parts.consumers) {
    const runner = new ConsumerRunner({
      kafka: createKafka({ clientId: `${name}-consumer`, brokers, logger }),
      // The default group lives in the topic namespace too, so environments sharing a cluster never share groups.
      groupId: options.consumerGroup ?? namespacedTopic(env.KAFKA_TOPIC_PREFIX, name),
      handlers: parts.consumers.handlers,
      transaction: parts.consumers.transaction,
      eventsPerTransaction: parts.consumers.eventsPerTransaction,
      logger: logger.child({ component: "consumer" }),
      fromBeginning: (options.consumersStartAt ?? "beginning") === "beginning",
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
    });
    lifecycle.add("consumers", () => runner.stop());
    await runner.start();
  }
  for (const worker of parts.workers ?? []) {
    await worker.start();
    lifecycle.add(worker.name, () => worker.stop());
  }
  if (options.jobs ?? true) {
    for (const job of parts.jobs ?? []) {
      const running = startPeriodicJob(job, logger.child({ component: job.name }));
      lifecycle.add(job.name, () => running.stop());
    }
  }
  return { liveEventsJoined };
}

function missingRedis(service: string): Redis {
  return new Proxy({} as Redis, {
    get() {
      throw new Error(`${service} uses Redis but its definition does not say redis: true`);
    },
  });
}
