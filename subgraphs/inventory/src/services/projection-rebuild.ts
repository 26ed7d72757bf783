// Rebuilds stock_level by replaying stock_movement from the start with the same movementDelta
// the live path uses, then compares it with the live projection and optionally replaces it.
// Compare-only runs in a REPEATABLE READ snapshot (movements and projection commit together, so a
// snapshot sees them consistently, without blocking writers). Replace holds an EXCLUSIVE lock
// on stock_level so no movement lands between the replay and the write.
import type { InventoryPrisma, InventoryTx } from "../db.js";
import { applyDelta, movementDelta, type StockCounts, zeroCounts } from "../domain/movements.js";
import {
  deleteProjectionRow,
  lockProjection,
  movementPage,
  type ProjectionRow,
  projectionRows,
  writeProjectionRow,
} from "../repositories/movement-repository.js";

const PAGE_SIZE = 10_000;

export interface ProjectionMismatch {
  variantId: string;
  warehouseId: string;
  live: StockCounts | null;
  rebuilt: StockCounts | null;
}

export interface RebuildReport {
  movements: number;
  rows: number;
  mismatches: ProjectionMismatch[];
  replaced: boolean;
}

export interface RebuildOptions {
  /** Only these variants (tests scope themselves to their own data); default: everything. */
  variantIds?: string[];
  /** Write the rebuilt projection over the live one where they differ. */
  replace?: boolean;
}

const keyOf = (row: { variantId: string; warehouseId: string }) => `${row.variantId}\u0000${row.warehouseId}`;
const sameCounts = (a: StockCounts, b: StockCounts) =>
  a.onHand === b.onHand && a.reserved === b.reserved && a.committed === b.committed;
const keyFields = ({ variantId, warehouseId }: ProjectionRow) => ({ variantId, warehouseId });
const countsOf = ({ onHand, reserved, committed }: StockCounts): StockCounts => ({ onHand, reserved, committed });

async function replay(tx: InventoryTx, variantIds: string[] | null) {
  const rebuilt = new Map<string, ProjectionRow>();
  let movements = 0;
  for (let after = 0n; ; ) {
    const page = await movementPage(tx, after, PAGE_SIZE, variantIds);
    for (const movement of page) {
      const key = keyOf(movement);
      const row = rebuilt.get(key) ?? {
        variantId: movement.variantId,
        warehouseId: movement.warehouseId,
        ...zeroCounts(),
      };
      rebuilt.set(key, { ...row, ...applyDelta(row, movementDelta(movement.type, movement.quantity)) });
    }
    movements += page.length;
    if (page.length < PAGE_SIZE) return { rebuilt, movements };
    after = BigInt(page.at(-1)!.id);
  }
}

function compare(live: ProjectionRow[], rebuilt: Map<string, ProjectionRow>): ProjectionMismatch[] {
  const mismatches: ProjectionMismatch[] = [];
  const liveByKey = new Map(live.map((row) => [keyOf(row), row]));
  for (const [key, row] of rebuilt) {
    const current = liveByKey.get(key);
    if (!current || !sameCounts(current, row))
      mismatches.push({ ...keyFields(row), live: current ? countsOf(current) : null, rebuilt: countsOf(row) });
  }
  for (const [key, row] of liveByKey)
    if (!rebuilt.has(key)) mismatches.push({ ...keyFields(row), live: countsOf(row), rebuilt: null });
  return mismatches;
}

export async function rebuildProjection(prisma: InventoryPrisma, options: RebuildOptions = {}): Promise<RebuildReport> {
  const variantIds = options.variantIds ? [...new Set(options.variantIds)] : null;
  const run = async (tx: InventoryTx): Promise<RebuildReport> => {
    if (options.replace) await lockProjection(tx);
    const { rebuilt, movements } = await replay(tx, variantIds);
    const mismatches = compare(await projectionRows(tx, variantIds), rebuilt);
    if (options.replace)
      for (const mismatch of mismatches)
        if (mismatch.rebuilt) await writeProjectionRow(tx, { ...mismatch, ...mismatch.rebuilt });
        else await deleteProjectionRow(tx, mismatch);
    return { movements, rows: rebuilt.size, mismatches, replaced: Boolean(options.replace) };
  };
  const txOptions = { maxWait: 60_000, timeout: 600_000 };
  return options.replace
    ? prisma.$transaction(run, txOptions)
    : prisma.$transaction(run, { ...txOptions, isolationLevel: "RepeatableRead" });
}
