// Durable record of sessions and refresh tokens. Redis holds the live state; this is the audit
// trail and the source for "revoke every session of this user".
import type { Db } from "./db-client.js";

export function createSessionRepository(db: Db) {
  return {
    create: (data: {
      id: string;
      userId: string;
      clientId: string | null;
      scopes: string[];
      expiresAt: Date;
      ip: string | null;
    }) => db.session.create({ data }),
    findById: (id: string) => db.session.findUnique({ where: { id } }),
    activeIdsForUser: async (userId: string) =>
      (await db.session.findMany({ where: { userId, revokedAt: null }, select: { id: true } })).map((row) => row.id),
    revoke: (ids: string[], reason: string) =>
      db.session.updateMany({
        where: { id: { in: ids }, revokedAt: null },
        data: { revokedAt: new Date(), revokedReason: reason },
      }),
    addRefreshToken: (data: { id: string; sessionId: string; tokenHash: string; expiresAt: Date }) =>
      db.refreshToken.create({ data }),
    markRotated: (tokenHash: string) =>
      db.refreshToken.updateMany({ where: { tokenHash, rotatedAt: null }, data: { rotatedAt: new Date() } }),
    findRefreshToken: (tokenHash: string) => db.refreshToken.findUnique({ where: { tokenHash } }),
  };
}
