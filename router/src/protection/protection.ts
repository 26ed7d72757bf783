// The router's protections in one object built at start: operation limits, trusted documents
// (+ APQ), and the Redis rate limiter (only when configured). The request stages that use them
// are listed in pipeline/stages.ts.
import type { Logger } from "@shopstream/kernel";
import { ApqStore } from "./apq-store.js";
import { buildOperationManifest } from "./operation-manifest.js";
import type { OperationLimits, ProtectionSettings } from "./protection-config.js";
import { RateLimiter } from "./rate-limiter.js";
import { TrustedDocuments } from "./trusted-documents.js";

export interface Protection {
  limits: OperationLimits;
  trustedDocuments: TrustedDocuments;
  rateLimiter?: RateLimiter;
  close(): Promise<void>;
}

export async function createProtection(
  settings: ProtectionSettings,
  production: boolean,
  logger: Logger,
): Promise<Protection> {
  const rateLimiter = settings.rateLimit ? new RateLimiter(settings.rateLimit, logger) : undefined;
  const { dir, allowArbitrary, apqTtlSeconds } = settings.trustedDocuments;
  const manifest = await buildOperationManifest(dir);
  const enforcing = production && !allowArbitrary;
  if (rateLimiter && !(await rateLimiter.connected()))
    logger.warn("rate limiter: Redis not reachable at start; limits apply once it is (fail open until then)");
  logger.info({ registeredOperations: manifest.length, enforcing }, "trusted documents loaded");
  return {
    limits: settings.limits,
    trustedDocuments: new TrustedDocuments(manifest, enforcing, new ApqStore(rateLimiter?.redis, apqTtlSeconds)),
    rateLimiter,
    close: async () => rateLimiter?.close(),
  };
}
