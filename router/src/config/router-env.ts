// Router configuration from the environment (zod via the kernel): one message listing every bad
// variable. Subgraph URLs are overridable per name: SUBGRAPH_<NAME>_URL=http://127.0.0.1:5002/graphql.
import os from "node:os";
import path from "node:path";
import { accessTokenDefaults, identityEnv, redisEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";
import { cacheEnvShape } from "../cache/cache-config.js";
import { protectionEnvShape } from "../protection/protection-config.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export const routerEnvShape = {
  ...protectionEnvShape,
  ...cacheEnvShape,
  ...serviceEnv,
  ...identityEnv,
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  ROUTER_WORKERS: z.coerce.number().int().min(1).max(64).default(Math.min(os.availableParallelism(), 4)),
  SUPERGRAPH_PATH: z.string().default(path.join(repoRoot, "schema/supergraph.graphql")),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  // Per-subgraph overrides of the timeout: "catalog=2000,orders=5000".
  SUBGRAPH_TIMEOUTS: z
    .string()
    .default("")
    .transform((value, ctx) => parseTimeouts(value, ctx)),
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).default(64),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  // Progressive @override rollout (router/README.md "Progressive @override"): a watched JSON file
  // and/or a Redis key polled every ROLLOUT_POLL_MS; Redis wins per label. Empty = not used.
  ROLLOUT_PATH: z.string().default(path.join(repoRoot, "schema/rollout.json")),
  ROLLOUT_REDIS_URL: z.string().default(""),
  ROLLOUT_REDIS_KEY: z.string().min(1).default("router:rollout"),
  ROLLOUT_POLL_MS: z.coerce.number().int().min(50).default(500),
  // Authentication (router/README.md "Authentication and authorization"): identity's JWKS and
  // token claims, Redis holding live sessions, and proxies whose x-forwarded-for is believed.
  ...redisEnv,
  IDENTITY_JWKS_URL: z.string().url().default(`http://127.0.0.1:4001${accessTokenDefaults.jwksPath}`),
  JWT_ISSUER: z.string().min(1).default(accessTokenDefaults.issuer),
  JWT_AUDIENCE: z.string().min(1).default(accessTokenDefaults.audience),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((ip) => ip.trim())
        .filter(Boolean),
    ),
  // Extra origins allowed by CORS besides Apollo Sandbox (development only adds Sandbox).
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
};

function parseTimeouts(value: string, ctx: z.RefinementCtx): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const pair of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9_-]*)=(\d+)$/.exec(pair);
    if (!match) ctx.addIssue({ code: "custom", message: `expected name=milliseconds, got "${pair}"` });
    else timeouts[match[1]!] = Number(match[2]);
  }
  return timeouts;
}

/** SUBGRAPH_<NAME>_URL variables as a name → URL map (names lower-cased; `orders_v2` also matches a subgraph named `orders-v2`). */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match && value) urls[match[1]!.toLowerCase()] = value;
  }
  return urls;
}
