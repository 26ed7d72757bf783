// The identity service's environment: everything it reads from process.env, validated in one place.
import {
  accessTokenDefaults,
  identityEnv,
  kafkaEnv,
  parseEnv,
  portEnv,
  postgresEnv,
  redisEnv,
  secretEnv,
  serviceEnv,
} from "@shopstream/kernel";
import { z } from "zod";

const seconds = z.coerce.number().int().positive();

export const identityServiceEnvShape = {
  ...serviceEnv,
  ...portEnv(4001),
  ...postgresEnv("identity"),
  ...kafkaEnv,
  ...redisEnv,
  ...identityEnv,
  JWT_ISSUER: z.string().min(1).default(accessTokenDefaults.issuer),
  JWT_AUDIENCE: z.string().min(1).default(accessTokenDefaults.audience),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(15 * 60),
  /** Absolute session lifetime; refresh tokens rotate inside it. */
  SESSION_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  /** Encrypts signing keys' private halves at rest (AES-256-GCM, key = SHA-256 of this). */
  SIGNING_KEY_SECRET: secretEnv("dev-only-signing-key-secret-change-me"),
  PASSWORD_RESET_TTL_SECONDS: seconds.default(30 * 60),
  /** Reset requests allowed per window, per account (known or not) and per client IP. */
  PASSWORD_RESET_MAX_PER_ACCOUNT: seconds.default(3),
  PASSWORD_RESET_MAX_PER_IP: seconds.default(20),
  PASSWORD_RESET_WINDOW_SECONDS: seconds.default(3600),
  OAUTH_CODE_TTL_SECONDS: seconds.default(60),
  /** Failed sign-ins allowed before back-off starts, per account and per client IP. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: seconds.default(10),
  SIGNIN_MAX_FAILURES_PER_IP: seconds.default(50),
  SIGNIN_FAILURE_WINDOW_SECONDS: seconds.default(15 * 60),
  SIGNIN_BACKOFF_BASE_SECONDS: seconds.default(30),
  SIGNIN_BACKOFF_MAX_SECONDS: seconds.default(3600),
};

export type IdentityServiceEnv = ReturnType<typeof parseIdentityEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseIdentityEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(identityServiceEnvShape, source);
