// The monolith's legacy_stock table (Prisma only). Read by the subgraph; written by the seed and
// tests, the way the monolith's nightly sync wrote it.
import type { LegacyPrisma } from "../db.js";

export interface LegacyStockRow {
  skuId: string;
  qtyOnHand: number;
  qtyAllocated: number;
  discFlag: number;
}

const columns = { skuId: true, qtyOnHand: true, qtyAllocated: true, discFlag: true } as const;

export const stockOfSkus = (prisma: LegacyPrisma, skuIds: readonly string[]): Promise<LegacyStockRow[]> =>
  prisma.legacyStock.findMany({ where: { skuId: { in: [...skuIds] } }, select: columns });

/** Inserts rows that are not there yet; existing rows are left as they are (idempotent seed). */
export async function insertMissingStock(prisma: LegacyPrisma, rows: readonly LegacyStockRow[]): Promise<number> {
  const { count } = await prisma.legacyStock.createMany({ data: [...rows], skipDuplicates: true });
  return count;
}

export async function upsertStock(prisma: LegacyPrisma, row: LegacyStockRow): Promise<void> {
  await prisma.legacyStock.upsert({ where: { skuId: row.skuId }, create: row, update: row });
}
