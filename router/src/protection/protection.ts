// The router's protections in one object built at start: operation limits, trusted documents
// (+ APQ), and the Redis rate limiter (only when configured). Pipeline steps call the helpers
// below; `prepare-operation` reads `limits` directly.
import type { Logger } from "@shopstream/kernel";
import type { PreparedOperation } from "../pipeline/prepare-operation.js";
import type { RouterContext } from "../pipeline/router-context.js";
import { ApqStore } from "./apq-store.js";
import { buildOperationManifest } from "./operation-manifest.js";
import {
  defaultLimits,
  defaultOperationsDir,
  defaultRateLimit,
  type OperationLimits,
  type ProtectionOptions,
} from "./protection-config.js";
import { RateLimiter } from "./rate-limiter.js";
import { TrustedDocuments, type TrustedRequest } from "./trusted-documents.js";

export interface Protection {
  limits: OperationLimits;
  trustedDocuments: TrustedDocuments;
  rateLimiter?: RateLimiter;
  close(): Promise<void>;
}

export async function createProtection(
  options: ProtectionOptions = {},
  production: boolean,
  logger: Logger,
): Promise<Protection> {
  const rateLimiter = options.rateLimit
    ? new RateLimiter({ ...defaultRateLimit, ...options.rateLimit }, logger)
    : undefined;
  const settings = options.trustedDocuments ?? {};
  const manifest = await buildOperationManifest(settings.dir ?? defaultOperationsDir);
  const enforcing = production && !settings.allowArbitrary;
  if (rateLimiter && !(await rateLimiter.connected()))
    logger.warn("rate limiter: Redis not reachable at start; limits apply once it is (fail open until then)");
  logger.info({ registeredOperations: manifest.length, enforcing }, "trusted documents loaded");
  return {
    limits: { ...defaultLimits, ...options.limits },
    trustedDocuments: new TrustedDocuments(
      manifest,
      enforcing,
      new ApqStore(rateLimiter?.redis, settings.apqTtlSeconds ?? 86_400),
    ),
    rateLimiter,
    close: async () => rateLimiter?.close(),
  };
}

/** Limits only, no manifest, no rate limiting: for servers built without startRouter. */
export const limitsOnlyProtection: Protection = {
  limits: defaultLimits,
  trustedDocuments: new TrustedDocuments([], false, new ApqStore(undefined, 86_400)),
  close: async () => {},
};

/** After prepare + authenticate: refuse unregistered documents (production), then rate-limit. */
export async function admitRequest(
  protection: Protection,
  request: TrustedRequest,
  prepared: PreparedOperation,
  context: RouterContext,
  clientIp: string | undefined,
): Promise<void> {
  protection.trustedDocuments.assertAllowed(request, prepared.document);
  await protection.rateLimiter?.enforce({
    userId: context.identity.userId,
    clientIp: clientIp ?? "unknown",
    mutation: prepared.operationContext.operation.operation === "mutation",
  });
}
