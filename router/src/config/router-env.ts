// Router configuration from the environment: each variable names one setting of RouterSettings
// (router-settings.ts holds every rule and default); this file only says which variable feeds
// which setting and how its text is read. Problems are reported by variable name, all at once.
// Subgraph URLs are overridable per name: SUBGRAPH_<NAME>_URL=http://127.0.0.1:5002/graphql.
import path from "node:path";
import { EnvError, identityEnv, localStackDefaults, productionSecretProblems } from "@shopstream/kernel";
import { repoSchemaDir } from "../schema/schema-layout.js";
import { processVariables, readNumber, readProcessVariable } from "./process-settings.js";
import { parseRouterSettings, type RouterSettings } from "./router-settings.js";

type Read = (text: string) => unknown;
const text: Read = (value) => value;
const number: Read = readNumber;
const flags: Record<string, boolean> = { true: true, "1": true, false: false, "0": false };
const flag: Read = (value) => flags[value] ?? value;
const list: Read = (value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
// "catalog=2000,orders=5000"
const timeouts: Read = (value) =>
  Object.fromEntries(
    (list(value) as string[]).map((pair) => {
      const match = /^([a-z][a-z0-9_-]*)=(\d+)$/.exec(pair);
      if (!match) throw new Error(`expected name=milliseconds, got "${pair}"`);
      return [match[1], Number(match[2])];
    }),
  );
const mode: Read = (value) => (value === "test" ? "development" : value);

/** Variable → the setting(s) it feeds, as dotted paths into RouterSettings. */
const variables: Record<string, [paths: string[], read: Read]> = {
  ...Object.fromEntries(
    Object.entries(processVariables).map(([name, setting]) => [
      name,
      [[setting], (value: string) => readProcessVariable(setting, value)],
    ]),
  ),
  SUPERGRAPH_PATH: [["supergraphPath"], text],
  NODE_ENV: [["mode"], mode],
  HOST: [["host"], text],
  PORT: [["port"], number],
  SUBGRAPH_TIMEOUT_MS: [["subgraphTimeoutMs"], number],
  SUBGRAPH_TIMEOUTS: [["subgraphTimeouts"], timeouts],
  SUBGRAPH_CONNECTIONS: [["subgraphConnections"], number],
  MAX_BODY_BYTES: [["maxBodyBytes"], number],
  ROUTER_REQUEST_DEDUP: [["requestDedup"], flag],
  ROUTER_FETCH_DEDUP: [["fetchDedup"], flag],
  IDENTITY_HMAC_SECRET: [["identitySecret"], text],
  CORS_ORIGINS: [["corsOrigins"], list],
  TRUSTED_PROXIES: [["trustedProxies"], list],
  IDENTITY_JWKS_URL: [["auth.jwksUrl"], text],
  JWT_ISSUER: [["auth.issuer"], text],
  JWT_AUDIENCE: [["auth.audience"], text],
  REDIS_URL: [["auth.redisUrl", "cache.redisUrl", "protection.rateLimit.redisUrl"], text],
  KAFKA_BROKERS: [["cache.kafkaBrokers"], list],
  KAFKA_TOPIC_PREFIX: [["cache.topicPrefix"], text],
  ROUTER_CACHE_L1_TTL_MS: [["cache.l1TtlMs"], number],
  ROUTER_CACHE_L1_MAX_ENTRIES: [["cache.l1MaxEntries"], number],
  ROUTER_CACHE_REDIS_TIMEOUT_MS: [["cache.redisTimeoutMs"], number],
  ROUTER_CACHE_ADMIN_TOKEN: [["cache.adminToken"], text],
  ROLLOUT_PATH: [["rollout.file"], text],
  ROLLOUT_REDIS_URL: [["rollout.redisUrl"], text],
  ROLLOUT_REDIS_KEY: [["rollout.redisKey"], text],
  ROLLOUT_POLL_MS: [["rollout.pollMs"], number],
  ROUTER_SHADOW_MAX_IN_FLIGHT: [["shadowReads.maxInFlight"], number],
  ROUTER_SHADOW_TIMEOUT_MS: [["shadowReads.timeoutMs"], number],
  ROUTER_SHADOW_MAX_LOAD: [["shadowReads.maxEventLoopLoad"], number],
  ROUTER_SUBSCRIPTIONS_MAX_OPEN: [["subscriptions.maxOpen"], number],
  ROUTER_SUBSCRIPTIONS_MAX_PER_CLIENT: [["subscriptions.maxPerClient"], number],
  ROUTER_SUBSCRIPTION_HEARTBEAT_MS: [["subscriptions.heartbeatMs"], number],
  ROUTER_SUBSCRIPTION_PING_MS: [["subscriptions.pingMs"], number],
  ROUTER_SUBSCRIPTION_AUTH_RECHECK_MS: [["subscriptions.authRecheckMs"], number],
  MAX_DOCUMENT_BYTES: [["protection.limits.maxDocumentBytes"], number],
  MAX_TOKENS: [["protection.limits.maxTokens"], number],
  MAX_DEPTH: [["protection.limits.maxDepth"], number],
  MAX_ALIASES: [["protection.limits.maxAliases"], number],
  MAX_ROOT_FIELDS: [["protection.limits.maxRootFields"], number],
  MAX_DIRECTIVES_PER_FIELD: [["protection.limits.maxDirectivesPerField"], number],
  MAX_DIRECTIVES: [["protection.limits.maxDirectives"], number],
  MAX_COST: [["protection.limits.maxCost"], number],
  COST_DEFAULT_LIST_SIZE: [["protection.limits.defaultListSize"], number],
  MAX_PAGE_SIZE: [["protection.limits.maxPageSize"], number],
  MAX_BATCH_SIZE: [["protection.limits.maxBatchSize"], number],
  RATE_LIMIT_QUERIES: [["protection.rateLimit.queries"], number],
  RATE_LIMIT_MUTATIONS: [["protection.rateLimit.mutations"], number],
  RATE_LIMIT_WINDOW_SECONDS: [["protection.rateLimit.windowSeconds"], number],
  RATE_LIMIT_REDIS_TIMEOUT_MS: [["protection.rateLimit.redisTimeoutMs"], number],
  TRUSTED_DOCUMENTS_DIR: [["protection.trustedDocuments.dir"], text],
  ALLOW_ARBITRARY_OPERATIONS: [["protection.trustedDocuments.allowArbitrary"], flag],
  APQ_TTL_SECONDS: [["protection.trustedDocuments.apqTtlSeconds"], number],
};

/** Switches for the parts a deployed router runs by default and a programmatic one does not. */
const switches = {
  ROUTER_CACHE: { path: "cache", values: ["on", "off"] },
  RATE_LIMIT_ENABLED: { path: "protection.rateLimit", values: ["true", "false", "1", "0"] },
} as const;

const subgraphUrlVariable = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

/** RouterSettings from environment variables; throws EnvError naming every bad variable. */
export function routerSettingsFromEnv(env: Record<string, string | undefined> = process.env): RouterSettings {
  const problems: string[] = [];
  // What `npm start` runs: auth, the cache with its invalidation consumer, the rollout file, rate limits.
  const options: Record<string, unknown> = {
    auth: {},
    cache: { kafkaBrokers: [localStackDefaults.kafkaBrokers] },
    rollout: { file: path.join(repoSchemaDir, "rollout.json") },
    protection: { rateLimit: {} },
    subgraphUrls: {},
  };
  const off: string[] = [];
  for (const [name, { path: setting, values }] of Object.entries(switches)) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    if (!(values as readonly string[]).includes(value)) problems.push(`${name}: expected one of ${values.join(", ")}`);
    else if (value === "off" || value === "false" || value === "0") off.push(setting);
  }
  for (const setting of off) remove(options, setting);
  for (const [name, [paths, read]] of Object.entries(variables)) {
    const value = env[name];
    if (value === undefined || value === "") continue; // unset: the schema's default
    try {
      const parsed = read(value);
      for (const setting of paths)
        if (!off.some((part) => setting.startsWith(`${part}.`))) assign(options, setting, parsed);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  for (const [name, value] of Object.entries(env)) {
    const match = subgraphUrlVariable.exec(name);
    if (match && value) (options.subgraphUrls as Record<string, string>)[match[1]!.toLowerCase()] = value;
  }
  // The same rule as every service's environment (kernel secretEnv / productionSecretProblems).
  if (options.mode === "production") problems.push(...productionSecretProblems(identityEnv, env));
  try {
    const settings = parseRouterSettings(options, variableOf);
    if (problems.length === 0) return settings;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    problems.push(...error.problems);
  }
  throw new EnvError(problems);
}

/** The variable that feeds a setting path (for error messages). */
function variableOf(settingPath: readonly PropertyKey[]): string {
  const dotted = settingPath.join(".");
  if (settingPath[0] === "subgraphUrls" && settingPath[1])
    return `SUBGRAPH_${String(settingPath[1]).toUpperCase()}_URL`;
  for (const [name, [paths]] of Object.entries(variables))
    if (paths.some((setting) => dotted === setting || dotted.startsWith(`${setting}.`))) return name;
  return dotted;
}

function assign(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function remove(target: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split(".");
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      target,
    );
  if (parent) delete parent[keys.at(-1)!];
}
