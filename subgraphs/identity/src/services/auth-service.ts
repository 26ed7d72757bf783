// Sign-up, sign-in, sign-out and refresh. Sign-in answers for an unknown email and for a wrong
// password are identical (same error, same work: argon2 runs against a dummy hash), and both
// count against the same throttle.
import { identityEvents, type UserError, userError } from "@shopstream/kernel";
import { hashPassword, verifyPassword } from "../crypto/passwords.js";
import { newId } from "../crypto/tokens.js";
import { Prisma } from "../db.js";
import { createRepositories } from "../repositories/index.js";
import type { ServiceDeps } from "./service-deps.js";
import type { IssuedSession, SessionService } from "./session-service.js";
import type { SignInThrottle } from "./sign-in-throttle.js";
import { isValidEmail, normalizeEmail, passwordWeakness } from "./validation.js";

export const DEFAULT_USER_SCOPES = ["profile"];

export interface AuthResult {
  session: IssuedSession | null;
  userErrors: UserError[];
  retryAfterSeconds?: number;
}

/** Who proved their credentials (or just registered); sessions are issued by the caller's flow. */
export interface AuthenticatedUser {
  userId: string;
  scopes: string[];
}

export interface CredentialsResult {
  user: AuthenticatedUser | null;
  userErrors: UserError[];
  retryAfterSeconds?: number;
}

const rejected = (...userErrors: UserError[]): CredentialsResult => ({ user: null, userErrors });
const invalidCredentials = () => rejected(userError("INVALID_CREDENTIALS", "Email or password is incorrect."));

export function createAuthService(deps: ServiceDeps, sessions: SessionService, throttle: SignInThrottle) {
  const { prisma, outbox, repositories, logger } = deps;

  /** Creates the account (GraphQL sign-up and the hosted OAuth page share it). */
  async function register(input: { email: string; name: string; password: string }): Promise<CredentialsResult> {
    const email = normalizeEmail(input.email);
    const name = input.name.trim();
    const errors: UserError[] = [];
    if (!isValidEmail(email)) errors.push(userError("INVALID_EMAIL", "Enter a valid email address.", ["email"]));
    if (name.length === 0 || name.length > 100)
      errors.push(userError("INVALID_NAME", "Enter a name of 1 to 100 characters.", ["name"]));
    const weakness = passwordWeakness(input.password, email);
    if (weakness) errors.push(userError("WEAK_PASSWORD", weakness, ["password"]));
    if (errors.length > 0) return rejected(...errors);
    if (await repositories.users.findByEmail(email)) return rejected(emailTaken());

    const passwordHash = await hashPassword(input.password);
    const id = newId();
    try {
      await prisma.$transaction(async (tx) => {
        await createRepositories(tx).users.create({ id, email, name, passwordHash, scopes: DEFAULT_USER_SCOPES });
        await outbox.enqueue(tx, identityEvents.userRegistered, { subject: id, data: { userId: id, email, name } });
      });
    } catch (error) {
      // Two sign-ups with one email at once: the unique index decides.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        return rejected(emailTaken());
      throw error;
    }
    logger.info({ userId: id }, "user signed up");
    return { user: { userId: id, scopes: DEFAULT_USER_SCOPES }, userErrors: [] };
  }

  /** Checks email + password against the throttle (GraphQL sign-in and the hosted OAuth page). */
  async function authenticate(
    input: { email: string; password: string },
    ip: string | null,
  ): Promise<CredentialsResult> {
    const email = normalizeEmail(input.email);
    if (!isValidEmail(email)) return rejected(userError("INVALID_EMAIL", "Enter a valid email address.", ["email"]));
    const retryAfterSeconds = await throttle.retryAfterSeconds(email, ip);
    if (retryAfterSeconds > 0)
      return {
        ...rejected(userError("TOO_MANY_ATTEMPTS", `Too many attempts. Try again in ${retryAfterSeconds} seconds.`)),
        retryAfterSeconds,
      };
    const user = await repositories.users.findByEmail(email);
    if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) {
      await throttle.recordFailure(email, ip);
      return invalidCredentials();
    }
    await throttle.recordSuccess(email);
    return { user: { userId: user.id, scopes: user.scopes }, userErrors: [] };
  }

  /** A GraphQL sign-in/sign-up session (no OAuth client). */
  async function withSession(result: CredentialsResult, ip: string | null): Promise<AuthResult> {
    const { user, ...rest } = result;
    if (!user) return { session: null, ...rest };
    return { session: await sessions.create({ ...user, clientId: null, ip }), userErrors: [] };
  }

  return {
    register,
    authenticate,
    signUp: async (input: { email: string; name: string; password: string }, ip: string | null) =>
      withSession(await register(input), ip),
    signIn: async (input: { email: string; password: string }, ip: string | null) =>
      withSession(await authenticate(input, ip), ip),

    async refresh(refreshToken: string): Promise<AuthResult> {
      const result = await sessions.refresh(refreshToken, null);
      if (typeof result === "object") return { session: result, userErrors: [] };
      const error =
        result === "REFRESH_TOKEN_REUSED"
          ? userError(result, "This refresh token was already used; the session has been signed out.", ["refreshToken"])
          : userError(result, "The refresh token is invalid or expired.", ["refreshToken"]);
      return { session: null, userErrors: [error] };
    },

    signOut: (sessionId: string) => sessions.revoke(sessionId, "sign_out"),
    signOutEverywhere: (userId: string) => sessions.revokeAllForUser(userId, "sign_out_everywhere"),
  };
}

const emailTaken = () => userError("EMAIL_TAKEN", "An account with this email already exists.", ["email"]);

export type AuthService = ReturnType<typeof createAuthService>;
