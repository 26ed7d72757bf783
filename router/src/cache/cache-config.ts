// Entity/response cache settings, each default stated here once (router-settings.ts assembles
// them; router-env.ts maps ROUTER_CACHE_* variables onto them).
import { localStackDefaults } from "@shopstream/kernel";
import { z } from "zod";
import type { CachePolicy } from "./policy.js";

export const cacheSettingsSchema = z.object({
  redisUrl: z.string().url().default(localStackDefaults.redisUrl),
  /** Without brokers there is no invalidation consumer: entries then only expire by TTL. */
  kafkaBrokers: z.array(z.string().regex(/^[^:]+:\d+$/, "expected host:port")).default([]),
  /** KAFKA_TOPIC_PREFIX: the namespace of the invalidation topics. */
  topicPrefix: z.string().default(""),
  /** Replaces the @cacheControl hints of the supergraph (tests). */
  policy: z.custom<CachePolicy>().optional(),
  l1TtlMs: z.number().int().min(0).default(1_000),
  l1MaxEntries: z.number().int().min(1).default(20_000),
  /** Per Redis command; a slower Redis counts as unavailable for that request. */
  redisTimeoutMs: z.number().int().min(1).default(100),
  /** Bearer token for POST /admin/cache/purge; the endpoint is off without one. */
  adminToken: z.string().min(16).optional(),
});

export type CacheSettings = z.output<typeof cacheSettingsSchema>;
