import type { Db } from "./db-client.js";

export function createPasswordResetRepository(db: Db) {
  return {
    create: (data: { id: string; userId: string; tokenHash: string; expiresAt: Date }) =>
      db.passwordResetToken.create({ data }),
    findByHash: (tokenHash: string) => db.passwordResetToken.findUnique({ where: { tokenHash } }),
    /** Single use: only the first caller gets count 1, even under concurrency. */
    consume: (id: string) =>
      db.passwordResetToken.updateMany({
        where: { id, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      }),
  };
}
