// The backfill of the monolith's order history into the orders domain. Batched (one transaction
// per batch), checkpointed (the checkpoint is written in that same transaction, so a killed run
// resumes after the last batch that committed), throttled (orders per second), idempotent (see
// repositories/imported-orders.ts) and with a dry run that maps and validates but writes nothing.
// An order that does not map is skipped with its reason, never half-written.
import { setTimeout as sleep } from "node:timers/promises";
import { legacyEvents } from "@shopstream/kernel";
import type { OrdersPrisma } from "../db.js";
import {
  deleteCheckpoint,
  readCheckpoint,
  saveCheckpoint,
  writeImportedOrders,
} from "../repositories/imported-orders.js";
import type { LegacyOrderSource } from "../repositories/legacy-order-source.js";
import { type ImportedOrder, mapLegacyOrder } from "./legacy-order-mapping.js";

export interface BackfillOptions {
  run: string;
  batchSize: number;
  /** Orders per second at most; 0 for as fast as it goes. */
  rate: number;
  dryRun: boolean;
  /** Forget the run's checkpoint and start from the first order. */
  restart: boolean;
}

export interface BackfillProgress {
  run: string;
  resumedAfter: number | null;
  lastOrderNo: number;
  seen: number;
  total: number;
  inserted: number;
  updated: number;
  skipped: { orderNo: number; reason: string }[];
  elapsedMs: number;
}

function mapBatch(rows: { orderNo: number; snapshot: unknown }[], skipped: BackfillProgress["skipped"]) {
  const mapped: ImportedOrder[] = [];
  for (const { orderNo, snapshot } of rows) {
    try {
      const parsed = legacyEvents.legacyOrderSnapshot.parse({ ...(snapshot as object), changeSeq: 0 });
      mapped.push(mapLegacyOrder(parsed));
    } catch (error) {
      skipped.push({ orderNo, reason: (error as Error).message.replace(/\s+/g, " ").slice(0, 300) });
    }
  }
  return mapped;
}

export async function runLegacyBackfill(
  prisma: OrdersPrisma,
  source: LegacyOrderSource,
  options: BackfillOptions,
  onProgress: (progress: BackfillProgress) => void = () => {},
): Promise<BackfillProgress> {
  if (options.restart && !options.dryRun) await deleteCheckpoint(prisma, options.run);
  const checkpoint = options.restart ? null : await readCheckpoint(prisma, options.run);
  const started = Date.now();
  const progress: BackfillProgress = {
    run: options.run,
    resumedAfter: checkpoint?.lastOrderNo ?? null,
    lastOrderNo: checkpoint?.lastOrderNo ?? 0,
    seen: 0,
    total: await source.countAfter(checkpoint?.lastOrderNo ?? 0),
    inserted: 0,
    updated: 0,
    skipped: [],
    elapsedMs: 0,
  };
  for (;;) {
    const rows = await source.readAfter(progress.lastOrderNo, options.batchSize);
    if (rows.length === 0) break;
    const skippedBefore = progress.skipped.length;
    const orders = mapBatch(rows, progress.skipped);
    const lastOrderNo = rows.at(-1)!.orderNo;
    if (!options.dryRun) {
      const written = await prisma.$transaction(async (tx) => {
        const result = await writeImportedOrders(tx, orders);
        await saveCheckpoint(tx, options.run, lastOrderNo, result.inserted, progress.skipped.length - skippedBefore);
        return result;
      });
      progress.inserted += written.inserted;
      progress.updated += written.updated;
    }
    progress.lastOrderNo = lastOrderNo;
    progress.seen += rows.length;
    progress.elapsedMs = Date.now() - started;
    onProgress(progress);
    // Throttle: never ahead of `rate` orders per second since the start.
    if (options.rate > 0) await sleep(Math.max(0, (progress.seen / options.rate) * 1_000 - progress.elapsedMs));
  }
  progress.elapsedMs = Date.now() - started;
  return progress;
}
