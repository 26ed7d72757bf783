// Password reset with a hashed, single-use token valid for PASSWORD_RESET_TTL_SECONDS. The
// request always answers the same way, whether or not the email has an account (the request limit
// counts unknown emails too); the token goes to the mailer in an outbox event and is never logged.
import { identityEvents, type UserError, userError } from "@shopstream/kernel";
import { hashPassword } from "../crypto/passwords.js";
import { newId, newSecretToken, sha256Hex } from "../crypto/tokens.js";
import { createRepositories } from "../repositories/index.js";
import type { ResetRequestLimit } from "./reset-request-limit.js";
import type { ServiceDeps } from "./service-deps.js";
import type { SessionService } from "./session-service.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import { isValidEmail, normalizeEmail, passwordWeakness } from "./validation.js";

export interface ResetResult {
  ok: boolean;
  userErrors: UserError[];
  retryAfterSeconds?: number;
}

const failed = (error: UserError): ResetResult => ({ ok: false, userErrors: [error] });

export function createPasswordResetService(
  deps: ServiceDeps,
  sessions: SessionService,
  throttle: SignInThrottle,
  requestLimit: ResetRequestLimit,
) {
  const { prisma, outbox, repositories, env, logger } = deps;

  return {
    async request(rawEmail: string, ip: string | null = null): Promise<ResetResult> {
      const email = normalizeEmail(rawEmail);
      if (!isValidEmail(email)) return failed(userError("INVALID_EMAIL", "Enter a valid email address.", ["email"]));
      const retryAfterSeconds = await requestLimit.retryAfterSeconds(email, ip);
      if (retryAfterSeconds > 0)
        return {
          ...failed(
            userError("TOO_MANY_ATTEMPTS", `Too many reset requests. Try again in ${retryAfterSeconds} seconds.`),
          ),
          retryAfterSeconds,
        };
      const user = await repositories.users.findByEmail(email);
      if (user) {
        const token = newSecretToken();
        const expiresAt = new Date(Date.now() + env.PASSWORD_RESET_TTL_SECONDS * 1000);
        await prisma.$transaction(async (tx) => {
          await createRepositories(tx).passwordResets.create({
            id: newId(),
            userId: user.id,
            tokenHash: sha256Hex(token),
            expiresAt,
          });
          await outbox.enqueue(tx, identityEvents.passwordResetRequested, {
            subject: user.id,
            data: { userId: user.id, email, token, expiresAt: expiresAt.toISOString() },
          });
        });
        logger.info({ userId: user.id }, "password reset requested");
      }
      return { ok: true, userErrors: [] };
    },

    async reset(token: string, newPassword: string): Promise<ResetResult> {
      const row = await repositories.passwordResets.findByHash(sha256Hex(token));
      if (!row) return failed(userError("INVALID_TOKEN", "This reset link is invalid.", ["token"]));
      if (row.usedAt) return failed(userError("TOKEN_ALREADY_USED", "This reset link was already used.", ["token"]));
      if (row.expiresAt <= new Date())
        return failed(userError("TOKEN_EXPIRED", "This reset link has expired.", ["token"]));
      const [user] = await repositories.users.findByIds([row.userId]);
      if (!user) return failed(userError("INVALID_TOKEN", "This reset link is invalid.", ["token"]));
      const weakness = passwordWeakness(newPassword, user.email);
      if (weakness) return failed(userError("WEAK_PASSWORD", weakness, ["newPassword"]));

      const passwordHash = await hashPassword(newPassword);
      const consumed = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        if ((await db.passwordResets.consume(row.id)).count !== 1) return false;
        await db.users.setPasswordHash(user.id, passwordHash);
        await outbox.enqueue(tx, identityEvents.passwordChanged, {
          subject: user.id,
          data: { userId: user.id, reason: "RESET" },
        });
        return true;
      });
      if (!consumed) return failed(userError("TOKEN_ALREADY_USED", "This reset link was already used.", ["token"]));
      // Whoever knew the old password is signed out everywhere; the owner starts afresh.
      await sessions.revokeAllForUser(user.id, "password_reset");
      await throttle.recordSuccess(user.email);
      logger.info({ userId: user.id }, "password reset");
      return { ok: true, userErrors: [] };
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
