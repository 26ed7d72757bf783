// The router's entity/response cache, assembled: Redis (L2) + in-process L1 + the invalidation
// consumer + the admin purge. One per router process (worker); startRouter creates it when the
// `cache` setting is given and hands the store to every schema version's data sources.
import {
  cacheInvalidationRequested,
  createEventPublisher,
  createKafka,
  type EventPublisher,
  type Logger,
  namespacedTopic,
} from "@shopstream/kernel";
import { Redis } from "ioredis";
import type { CacheSettings } from "./cache-config.js";
import { refOf } from "./entity-refs.js";
import { EntityStore } from "./entity-store.js";
import { type InvalidationConsumer, startInvalidationConsumer } from "./invalidation-consumer.js";
import { L1Cache } from "./l1-cache.js";
import type { CachePolicy } from "./policy.js";

export interface RouterCache {
  store: EntityStore;
  /** Set only to override the supergraph's @cacheControl hints. */
  policy?: CachePolicy;
  adminToken?: string;
  /** Resolves when the invalidation consumer has joined (immediately without Kafka). */
  ready: Promise<void>;
  /** Deletes these entities here and in Redis, and tells every other worker (via Kafka). */
  purge(typename: string, keys: string[]): Promise<number>;
  close(): Promise<void>;
}

export function createRouterCache(options: CacheSettings, logger: Logger): RouterCache {
  const cacheLogger = logger.child({ component: "router-cache" });
  const redis = new Redis(options.redisUrl, {
    connectionName: "router-cache",
    enableOfflineQueue: false, // Redis down → commands fail at once → served uncached
    maxRetriesPerRequest: 0,
    commandTimeout: options.redisTimeoutMs,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
  let lastLog = 0;
  redis.on("error", (error) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    cacheLogger.warn({ err: error }, "router cache: Redis connection error");
  });
  const store = new EntityStore(redis, new L1Cache(options.l1TtlMs, options.l1MaxEntries), cacheLogger);
  const brokers = options.kafkaBrokers;
  const consumer: InvalidationConsumer | undefined =
    brokers.length > 0
      ? startInvalidationConsumer({
          brokers,
          topicPrefix: options.topicPrefix,
          logger,
          onRefs: (refs, source) => store.invalidate(refs, source),
        })
      : undefined;
  let publisher: Promise<EventPublisher> | undefined;

  return {
    store,
    policy: options.policy,
    adminToken: options.adminToken,
    ready: consumer?.ready ?? Promise.resolve(),
    async purge(typename, keys) {
      const removed = await store.invalidate(
        keys.map((key) => refOf(typename, key)),
        "admin",
      );
      if (brokers.length > 0) {
        publisher ??= createEventPublisher(createKafka({ clientId: "router-cache-purge", brokers, logger }));
        const event = cacheInvalidationRequested.create({
          source: "router",
          subject: `${typename}:${keys[0]}`,
          data: { typename, keys },
        });
        await (await publisher).publish([
          {
            topic: namespacedTopic(options.topicPrefix, cacheInvalidationRequested.topic),
            key: event.subject,
            value: JSON.stringify(event),
          },
        ]);
      }
      return removed;
    },
    async close() {
      await consumer?.close();
      if (publisher) await (await publisher).close().catch(() => {});
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
