// Allocation strategy for an order's lines over the warehouses that stock them.
//
// 1. Single warehouse first: if one warehouse can fill EVERY line, the whole order ships from
//    it (one parcel). Among such warehouses the lowest priority number wins, then the id.
// 2. Otherwise split, line by line: take from the warehouse with the most available units
//    first (fewest parcels per line), ties broken by priority then id, until the line is filled.
// 3. If any line cannot be filled in total, nothing is allocated and every short line is
//    reported (all or nothing).
// Pure and deterministic, so it is unit-tested without a database.

export interface OrderLine {
  variantId: string;
  quantity: number;
}

export interface StockRow {
  variantId: string;
  warehouseId: string;
  warehousePriority: number;
  available: number;
}

export interface Allocation {
  variantId: string;
  warehouseId: string;
  quantity: number;
}

export interface RejectedLine {
  variantId: string;
  requested: number;
  available: number;
  reason: "INSUFFICIENT_STOCK" | "UNKNOWN_VARIANT";
}

export type AllocationResult =
  | { ok: true; allocations: Allocation[]; strategy: "SINGLE_WAREHOUSE" | "SPLIT" }
  | { ok: false; rejected: RejectedLine[] };

/** Sums the quantities of lines that name the same variant (an order may repeat a variant). */
export function mergeLines(lines: OrderLine[]): OrderLine[] {
  const byVariant = new Map<string, number>();
  for (const line of lines) byVariant.set(line.variantId, (byVariant.get(line.variantId) ?? 0) + line.quantity);
  return [...byVariant]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([variantId, quantity]) => ({ variantId, quantity }));
}

const byPriority = (a: StockRow, b: StockRow) =>
  a.warehousePriority - b.warehousePriority ||
  (a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0);

export function allocate(orderLines: OrderLine[], stock: StockRow[]): AllocationResult {
  const lines = mergeLines(orderLines);
  const rowsByVariant = new Map<string, StockRow[]>();
  for (const row of stock) rowsByVariant.set(row.variantId, [...(rowsByVariant.get(row.variantId) ?? []), row]);

  const rejected: RejectedLine[] = [];
  for (const line of lines) {
    const rows = rowsByVariant.get(line.variantId) ?? [];
    const total = rows.reduce((sum, row) => sum + Math.max(0, row.available), 0);
    if (rows.length === 0) rejected.push({ ...requested(line), available: 0, reason: "UNKNOWN_VARIANT" });
    else if (total < line.quantity)
      rejected.push({ ...requested(line), available: total, reason: "INSUFFICIENT_STOCK" });
  }
  if (rejected.length > 0) return { ok: false, rejected };

  const single = singleWarehouse(lines, stock);
  if (single)
    return {
      ok: true,
      strategy: "SINGLE_WAREHOUSE",
      allocations: lines.map((line) => ({ variantId: line.variantId, warehouseId: single, quantity: line.quantity })),
    };

  const allocations: Allocation[] = [];
  for (const line of lines) {
    const rows = [...(rowsByVariant.get(line.variantId) ?? [])].sort(
      (a, b) => b.available - a.available || byPriority(a, b),
    );
    let missing = line.quantity;
    for (const row of rows) {
      if (missing === 0) break;
      const take = Math.min(missing, row.available);
      if (take <= 0) continue;
      allocations.push({ variantId: line.variantId, warehouseId: row.warehouseId, quantity: take });
      missing -= take;
    }
  }
  return { ok: true, strategy: "SPLIT", allocations };
}

const requested = (line: OrderLine) => ({ variantId: line.variantId, requested: line.quantity });

function singleWarehouse(lines: OrderLine[], stock: StockRow[]): string | undefined {
  const candidates = new Map<string, StockRow>();
  for (const row of stock) if (!candidates.has(row.warehouseId)) candidates.set(row.warehouseId, row);
  const fills = (warehouseId: string) =>
    lines.every((line) =>
      stock.some(
        (row) => row.warehouseId === warehouseId && row.variantId === line.variantId && row.available >= line.quantity,
      ),
    );
  return [...candidates.values()].sort(byPriority).find((row) => fills(row.warehouseId))?.warehouseId;
}
