import type { Prisma } from "../db.js";
import type { Db } from "./db-client.js";

export function createSigningKeyRepository(db: Db) {
  return {
    findActive: () => db.signingKey.findFirst({ where: { retiredAt: null } }),
    /** The active key plus retired keys whose tokens may still be unexpired. */
    findPublishable: (retiredAfter: Date) =>
      db.signingKey.findMany({
        where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
        orderBy: { createdAt: "desc" },
      }),
    retireActive: () => db.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: new Date() } }),
    create: (data: { kid: string; publicJwk: Prisma.InputJsonValue; privateKeyEncrypted: string }) =>
      db.signingKey.create({ data }),
  };
}
