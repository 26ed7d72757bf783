// The router's configuration: ONE zod schema holding every setting, rule and default. startRouter
// parses its options with it once; router-env.ts maps environment variables onto it. Sub-schemas
// live with the concern they configure (cache/, auth/, overrides/, protection/).
import path from "node:path";
import { EnvError, localStackDefaults } from "@shopstream/kernel";
import { z } from "zod";
import { authSettingsSchema } from "../auth/start-auth.js";
import { cacheSettingsSchema } from "../cache/cache-config.js";
import { rolloutSourceSettingsSchema } from "../overrides/start-rollout.js";
import { protectionSettingsSchema } from "../protection/protection-config.js";
import { repoSchemaDir } from "../schema/schema-layout.js";
import { shadowReadSettingsSchema } from "../shadow/shadow-settings.js";
import { subscriptionSettingsSchema } from "../subscriptions/subscription-settings.js";
import { processSettingsShape } from "./process-settings.js";

const milliseconds = z.number().int().min(1);

export const routerSettingsSchema = z.object({
  /** The supergraph SDL itself; without it, `supergraphPath` is loaded (and watched). */
  supergraphSdl: z.string().min(1).optional(),
  supergraphPath: z.string().min(1).default(path.join(repoSchemaDir, "supergraph.graphql")),
  /** Hot reload: re-read `supergraphPath` when it changes. */
  watch: z.boolean().default(true),
  /** production: no introspection, no Sandbox, trusted documents enforced. */
  mode: z.enum(["development", "production"]).default("development"),
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 asks the OS for a free port (tests); the running router reports the one it got. */
  port: z.number().int().min(0).max(65535).default(4000),
  ...processSettingsShape,
  /** name → URL; overrides the routing URLs recorded in the supergraph. */
  subgraphUrls: z.record(z.string(), z.string().url()).default({}),
  subgraphTimeoutMs: milliseconds.default(10_000),
  /** Per-subgraph overrides of `subgraphTimeoutMs`. */
  subgraphTimeouts: z.record(z.string(), milliseconds).default({}),
  /** Keep-alive connections per subgraph. */
  subgraphConnections: z.number().int().min(1).default(64),
  maxBodyBytes: z.number().int().min(1024).default(1_000_000),
  /** Identical anonymous queries in flight share one execution (cache/dedup.ts). */
  requestDedup: z.boolean().default(true),
  /** Identical subgraph fetches in flight share one request, per caller (datasource/in-flight-fetches.ts). */
  fetchDedup: z.boolean().default(true),
  /** HMAC key signing the caller's identity into subgraph headers (shared with the subgraphs). */
  identitySecret: z.string().min(16).default(localStackDefaults.identityHmacSecret),
  /** Origins allowed by CORS besides Apollo Sandbox (which development mode adds). */
  corsOrigins: z.array(z.string().min(1)).default([]),
  /** Peers whose x-forwarded-for is believed (load balancers). */
  trustedProxies: z.array(z.string().min(1)).default([]),
  /** Access-token verification against identity's JWKS and live sessions. */
  auth: authSettingsSchema.prefault({}),
  /** Entity/response cache in Redis with Kafka invalidation (router/README.md "Caching"); absent = off. */
  cache: cacheSettingsSchema.optional(),
  /** Progressive @override percentages (file and/or Redis key); absent = labelled fields stay on legacy. */
  rollout: rolloutSourceSettingsSchema.optional(),
  /** Limits of shadow reads (which labels are sampled is in the rollout setting). */
  shadowReads: shadowReadSettingsSchema.prefault({}),
  /** Subscription limits, heartbeats and credential re-checks (subscriptions/subscription-settings.ts). */
  subscriptions: subscriptionSettingsSchema.prefault({}),
  /** Operation limits, trusted documents, rate limiting (off unless `rateLimit` is given). */
  protection: protectionSettingsSchema.prefault({}),
});

export type RouterSettings = z.output<typeof routerSettingsSchema>;
/** What callers may pass: every field optional where the schema has a default. */
export type RouterOptions = z.input<typeof routerSettingsSchema>;

/** Parses router options; an EnvError lists every bad setting by `name` (path → name mapping). */
export function parseRouterSettings(
  options: RouterOptions,
  nameOf: (path: readonly PropertyKey[]) => string = (path) => path.join("."),
): RouterSettings {
  const result = routerSettingsSchema.safeParse(options);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${nameOf(issue.path) || "(root)"}: ${issue.message}`));
}
