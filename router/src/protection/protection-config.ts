// Protection settings: operation limits, rate limits and trusted documents, each with a safe
// default, configurable by env (PROTECTION env vars below, spread into the router's env shape).
import path from "node:path";
import { z } from "zod";

export interface OperationLimits {
  /** Bytes of query text, checked before parsing. */
  maxDocumentBytes: number;
  /** Lexer tokens, enforced by graphql-js DURING parsing, so a huge document never builds an AST. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectivesPerField: number;
  maxDirectives: number;
  /** Estimated cost (see operation-cost.ts). */
  maxCost: number;
  /** Assumed length of a list field without `first`/`last` or `@listSize`. */
  defaultListSize: number;
  /** Largest `first`/`last` accepted. */
  maxPageSize: number;
  /** Operations in one batched POST (a JSON array); 1 turns batching off in effect. */
  maxBatchSize: number;
}

export const defaultLimits: OperationLimits = {
  maxDocumentBytes: 100_000,
  maxTokens: 5_000,
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 20,
  maxDirectivesPerField: 5,
  maxDirectives: 50,
  maxCost: 5_000,
  defaultListSize: 10,
  maxPageSize: 100,
  maxBatchSize: 10,
};

export interface RateLimitSettings {
  redisUrl: string;
  /** Queries per window per caller (user id when signed in, else client IP). */
  queries: number;
  /** Mutations per window per caller: a separate, smaller budget. */
  mutations: number;
  windowSeconds: number;
  /** Give up on Redis after this long and let the request through (fail open). */
  redisTimeoutMs: number;
}

export const defaultRateLimit: Omit<RateLimitSettings, "redisUrl"> = {
  queries: 600,
  mutations: 60,
  windowSeconds: 60,
  redisTimeoutMs: 50,
};

export interface TrustedDocumentSettings {
  /** Folder of registered operations (`**\/*.graphql`), the safelist. */
  dir: string;
  /** Production only: also run documents that are not registered. */
  allowArbitrary: boolean;
  /** Automatic persisted queries kept this long (Redis when rate limiting has one, else memory). */
  apqTtlSeconds: number;
}

export interface ProtectionOptions {
  limits?: Partial<OperationLimits>;
  /** Off unless given (startRouter); the env-driven server turns it on by default. */
  rateLimit?: Partial<RateLimitSettings> & { redisUrl: string };
  trustedDocuments?: Partial<TrustedDocumentSettings>;
}

const repoRoot = path.resolve(import.meta.dirname, "../../..");
export const defaultOperationsDir = path.join(repoRoot, "schema/operations");

const int = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

export const protectionEnvShape = {
  MAX_DOCUMENT_BYTES: positive(defaultLimits.maxDocumentBytes),
  MAX_TOKENS: positive(defaultLimits.maxTokens),
  MAX_DEPTH: positive(defaultLimits.maxDepth),
  MAX_ALIASES: int(defaultLimits.maxAliases),
  MAX_ROOT_FIELDS: positive(defaultLimits.maxRootFields),
  MAX_DIRECTIVES_PER_FIELD: int(defaultLimits.maxDirectivesPerField),
  MAX_DIRECTIVES: int(defaultLimits.maxDirectives),
  MAX_COST: positive(defaultLimits.maxCost),
  COST_DEFAULT_LIST_SIZE: positive(defaultLimits.defaultListSize),
  MAX_PAGE_SIZE: positive(defaultLimits.maxPageSize),
  MAX_BATCH_SIZE: positive(defaultLimits.maxBatchSize),
  RATE_LIMIT_ENABLED: flag(true),
  RATE_LIMIT_QUERIES: positive(defaultRateLimit.queries),
  RATE_LIMIT_MUTATIONS: positive(defaultRateLimit.mutations),
  RATE_LIMIT_WINDOW_SECONDS: positive(defaultRateLimit.windowSeconds),
  RATE_LIMIT_REDIS_TIMEOUT_MS: positive(defaultRateLimit.redisTimeoutMs),
  TRUSTED_DOCUMENTS_DIR: z.string().default(defaultOperationsDir),
  ALLOW_ARBITRARY_OPERATIONS: flag(false),
  APQ_TTL_SECONDS: positive(86_400),
};

type ProtectionEnv = { [K in keyof typeof protectionEnvShape]: z.infer<(typeof protectionEnvShape)[K]> } & {
  REDIS_URL?: string;
};

export function protectionOptionsFromEnv(env: ProtectionEnv): ProtectionOptions {
  return {
    limits: {
      maxDocumentBytes: env.MAX_DOCUMENT_BYTES,
      maxTokens: env.MAX_TOKENS,
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxDirectivesPerField: env.MAX_DIRECTIVES_PER_FIELD,
      maxDirectives: env.MAX_DIRECTIVES,
      maxCost: env.MAX_COST,
      defaultListSize: env.COST_DEFAULT_LIST_SIZE,
      maxPageSize: env.MAX_PAGE_SIZE,
      maxBatchSize: env.MAX_BATCH_SIZE,
    },
    rateLimit: env.RATE_LIMIT_ENABLED
      ? {
          redisUrl: env.REDIS_URL ?? "redis://127.0.0.1:6379",
          queries: env.RATE_LIMIT_QUERIES,
          mutations: env.RATE_LIMIT_MUTATIONS,
          windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
          redisTimeoutMs: env.RATE_LIMIT_REDIS_TIMEOUT_MS,
        }
      : undefined,
    trustedDocuments: {
      dir: env.TRUSTED_DOCUMENTS_DIR,
      allowArbitrary: env.ALLOW_ARBITRARY_OPERATIONS,
      apqTtlSeconds: env.APQ_TTL_SECONDS,
    },
  };
}
