// Protection settings: operation limits, rate limits and trusted documents, each with a safe
// default stated here once (router-settings.ts assembles them; router-env.ts maps variables).
import path from "node:path";
import { localStackDefaults } from "@shopstream/kernel";
import { z } from "zod";
import { repoSchemaDir } from "../schema/schema-layout.js";

const count = (fallback: number) => z.number().int().min(0).default(fallback);
const positive = (fallback: number) => z.number().int().min(1).default(fallback);

export const operationLimitsSchema = z.object({
  /** Bytes of query text, checked before parsing. */
  maxDocumentBytes: positive(100_000),
  /** Lexer tokens, enforced by graphql-js DURING parsing, so a huge document never builds an AST. */
  maxTokens: positive(5_000),
  maxDepth: positive(15),
  maxAliases: count(30),
  maxRootFields: positive(20),
  maxDirectivesPerField: count(5),
  maxDirectives: count(50),
  /** Estimated cost (see operation-cost.ts). */
  maxCost: positive(5_000),
  /** Assumed length of a list field without `first`/`last` or `@listSize`. */
  defaultListSize: positive(10),
  /** Largest `first`/`last` accepted. */
  maxPageSize: positive(100),
  /** Operations in one batched POST (a JSON array); 1 turns batching off in effect. */
  maxBatchSize: positive(10),
});

export type OperationLimits = z.output<typeof operationLimitsSchema>;

export const defaultLimits: OperationLimits = operationLimitsSchema.parse({});

export const rateLimitSchema = z.object({
  redisUrl: z.string().url().default(localStackDefaults.redisUrl),
  /** Queries per window per caller (user id when signed in, else client IP). */
  queries: positive(600),
  /** Mutations per window per caller: a separate, smaller budget. */
  mutations: positive(60),
  windowSeconds: positive(60),
  /** Give up on Redis after this long and let the request through (fail open). */
  redisTimeoutMs: positive(50),
});

export type RateLimitSettings = z.output<typeof rateLimitSchema>;

export const defaultOperationsDir = path.join(repoSchemaDir, "operations");

export const trustedDocumentsSchema = z.object({
  /** Folder of registered operations (`**\/*.graphql`), the safelist. */
  dir: z.string().min(1).default(defaultOperationsDir),
  /** Production only: also run documents that are not registered. */
  allowArbitrary: z.boolean().default(false),
  /** Automatic persisted queries kept this long (Redis when rate limiting has one, else memory). */
  apqTtlSeconds: positive(86_400),
});

export const protectionSettingsSchema = z.object({
  limits: operationLimitsSchema.prefault({}),
  /** Off unless given; the env-driven router turns it on unless RATE_LIMIT_ENABLED=false. */
  rateLimit: rateLimitSchema.optional(),
  trustedDocuments: trustedDocumentsSchema.prefault({}),
});

export type ProtectionSettings = z.output<typeof protectionSettingsSchema>;
