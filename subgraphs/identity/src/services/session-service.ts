// Sessions and rotating refresh tokens. Live state is in Redis (TTL = session expiry); every
// session and refresh token also has a durable PostgreSQL row. One session is one refresh-token
// family: presenting a token that was already exchanged (a stolen copy, or a replay) revokes it.
import { isSessionActive } from "@shopstream/kernel";
import { newId, newSecretToken, sha256Hex } from "../crypto/tokens.js";
import { redisKeys } from "../redis-keys.js";
import { createRepositories } from "../repositories/index.js";
import type { AccessTokenService } from "./access-token-service.js";
import type { ServiceDeps } from "./service-deps.js";

export interface SessionState {
  userId: string;
  scopes: string[];
  clientId: string | null;
}

interface RefreshState {
  sid: string;
  rotated: boolean;
}

// Atomically: unknown → nil; already rotated → "reused"; else mark rotated (keeping the TTL so
// reuse stays detectable until the token would have expired) and answer "ok".
const rotateScript = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local state = cjson.decode(raw)
if state.rotated then return {'reused', raw} end
state.rotated = true
redis.call('SET', KEYS[1], cjson.encode(state), 'KEEPTTL')
return {'ok', raw}`;

export interface IssuedSession {
  sessionId: string;
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  scopes: string[];
}

export type RefreshFailure = "INVALID_REFRESH_TOKEN" | "REFRESH_TOKEN_REUSED";

export function createSessionService(deps: ServiceDeps, accessTokens: AccessTokenService) {
  const { prisma, redis, env, logger, repositories } = deps;

  async function storeRefreshToken(sessionId: string, expiresAt: Date, db = repositories) {
    const refreshToken = newSecretToken();
    const tokenHash = sha256Hex(refreshToken);
    await db.sessions.addRefreshToken({ id: newId(), sessionId, tokenHash, expiresAt });
    const state: RefreshState = { sid: sessionId, rotated: false };
    return { refreshToken, tokenHash, state };
  }

  async function tokensFor(sessionId: string, state: SessionState, refreshToken: string, expiresAt: Date) {
    const access = await accessTokens.issue({
      sub: state.userId,
      sid: sessionId,
      scopes: state.scopes,
      ...(state.clientId ? { client_id: state.clientId } : {}),
    });
    return {
      sessionId,
      userId: state.userId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt: expiresAt,
      scopes: state.scopes,
    } satisfies IssuedSession;
  }

  async function revoke(sessionIds: string[], reason: string) {
    if (sessionIds.length === 0) return;
    await repositories.sessions.revoke(sessionIds, reason);
    await redis.del(...sessionIds.map(redisKeys.session));
    logger.info({ sessions: sessionIds.length, reason }, "sessions revoked");
  }

  return {
    isActive: (sessionId: string) => isSessionActive(redis, sessionId),

    async create(input: SessionState & { ip: string | null }): Promise<IssuedSession> {
      const sessionId = newId();
      const expiresAt = new Date(Date.now() + env.SESSION_TTL_SECONDS * 1000);
      const refresh = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        await db.sessions.create({
          id: sessionId,
          userId: input.userId,
          clientId: input.clientId,
          scopes: input.scopes,
          expiresAt,
          ip: input.ip,
        });
        return storeRefreshToken(sessionId, expiresAt, db);
      });
      const state: SessionState = { userId: input.userId, scopes: input.scopes, clientId: input.clientId };
      const ttl = expiresAt.getTime() - Date.now();
      await redis
        .multi()
        .set(redisKeys.session(sessionId), JSON.stringify(state), "PX", ttl)
        .set(redisKeys.refreshToken(refresh.tokenHash), JSON.stringify(refresh.state), "PX", ttl)
        .exec();
      return tokensFor(sessionId, state, refresh.refreshToken, expiresAt);
    },

    /** Exchanges a refresh token for a new pair; `clientId` must match the session's (null for GraphQL). */
    async refresh(refreshToken: string, clientId: string | null): Promise<IssuedSession | RefreshFailure> {
      const tokenHash = sha256Hex(refreshToken);
      const result = (await redis.eval(rotateScript, 1, redisKeys.refreshToken(tokenHash))) as [string, string] | null;
      if (result === null) {
        // Redis lost it (expired or flushed): the durable record still tells a replay apart.
        const row = await repositories.sessions.findRefreshToken(tokenHash);
        if (row?.rotatedAt) {
          await revoke([row.sessionId], "refresh_token_reuse");
          return "REFRESH_TOKEN_REUSED";
        }
        return "INVALID_REFRESH_TOKEN";
      }
      const [outcome, raw] = result;
      const { sid } = JSON.parse(raw) as RefreshState;
      if (outcome === "reused") {
        logger.warn({ sessionId: sid }, "refresh token reused; revoking its session family");
        await revoke([sid], "refresh_token_reuse");
        return "REFRESH_TOKEN_REUSED";
      }
      const [sessionRaw, ttl] = await Promise.all([
        redis.get(redisKeys.session(sid)),
        redis.pttl(redisKeys.session(sid)),
      ]);
      if (!sessionRaw || ttl <= 0) return "INVALID_REFRESH_TOKEN";
      const state = JSON.parse(sessionRaw) as SessionState;
      if (state.clientId !== clientId) return "INVALID_REFRESH_TOKEN";
      const expiresAt = new Date(Date.now() + ttl);
      const next = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        await db.sessions.markRotated(tokenHash);
        return storeRefreshToken(sid, expiresAt, db);
      });
      await redis.set(redisKeys.refreshToken(next.tokenHash), JSON.stringify(next.state), "PX", ttl);
      return tokensFor(sid, state, next.refreshToken, expiresAt);
    },

    revoke: (sessionId: string, reason: string) => revoke([sessionId], reason),

    async revokeAllForUser(userId: string, reason: string) {
      await revoke(await repositories.sessions.activeIdsForUser(userId), reason);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
