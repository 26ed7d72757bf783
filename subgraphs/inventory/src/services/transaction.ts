// Runs interactive transactions with waits long enough for bursts (hundreds of reservations
// queue for a pool of ~10 connections) and retries the ones PostgreSQL aborts to break a
// deadlock or a serialization conflict. Row locks are always taken in one order, so deadlocks
// should not happen; the retry is the safety net.
import { exponentialBackoff, sleep } from "@shopstream/kernel";
import type { InventoryPrisma, InventoryTx } from "../db.js";

const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;
const MAX_ATTEMPTS = 6;

export type Transact = <R>(fn: (tx: InventoryTx) => Promise<R>) => Promise<R>;

/** True for errors PostgreSQL raises to abort one transaction so that another may go on. */
export function isRetryableTxError(error: unknown): boolean {
  const text = `${String(error)} ${safeJson((error as { meta?: unknown })?.meta)} ${String((error as { code?: unknown })?.code)}`;
  return /40001|40P01|P2034|deadlock detected|could not serialize/i.test(text);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

export function createTransact(prisma: InventoryPrisma): Transact {
  return async (fn) => {
    const backoff = exponentialBackoff({ initialMs: 5, maxMs: 200 });
    for (let attempt = 1; ; attempt++) {
      try {
        return await prisma.$transaction(fn, TX_OPTIONS);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableTxError(error)) throw error;
        await sleep(backoff.next());
      }
    }
  };
}
