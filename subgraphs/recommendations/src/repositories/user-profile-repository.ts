// A user's taste: affinities (units bought per category and per brand, the `user_affinity` view)
// and the products they already bought.
import type { Db } from "../db.js";

export interface Affinity {
  kind: "CATEGORY" | "BRAND";
  value: string;
  score: number;
}

export function createUserProfileRepository(db: Db) {
  return {
    async affinities(userId: string): Promise<Affinity[]> {
      const rows = await db.$queryRaw<Array<{ kind: Affinity["kind"]; value: string; score: bigint }>>`
        SELECT kind, value, score FROM user_affinity WHERE user_id = ${userId} ORDER BY score DESC, kind, value`;
      return rows.map((row) => ({ kind: row.kind, value: row.value, score: Number(row.score) }));
    },

    async boughtProductIds(userId: string): Promise<string[]> {
      const rows = await db.userPurchase.findMany({
        where: { userId },
        select: { productId: true },
        orderBy: { productId: "asc" },
      });
      return rows.map((row) => row.productId);
    },
  };
}
