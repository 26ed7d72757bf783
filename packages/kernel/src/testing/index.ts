// Helpers for tests against the real stack (no fakes of PostgreSQL, Redis or Kafka).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { checkoutPgClient } from "../db/pg-pool.js";
import { createLogger } from "../logging/logger.js";
import type { SqlExecutor } from "../outbox/outbox.js";

const quietLogger = createLogger("test-transaction", "silent");

export const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Polls a condition until it holds or the deadline passes (never a fixed sleep). */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "condition"}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

export type PgTransactionClient = SqlExecutor & { query: pg.PoolClient["query"] };

/** A transaction runner over node-postgres with the SqlExecutor shape Prisma transactions have. */
export function pgTransaction(pool: pg.Pool) {
  return async <R>(fn: (tx: PgTransactionClient) => Promise<R>): Promise<R> => {
    const client = await checkoutPgClient(pool, quietLogger);
    let broken = false;
    try {
      await client.query("BEGIN");
      const tx = {
        query: client.query.bind(client) as pg.PoolClient["query"],
        $executeRawUnsafe: async (sql: string, ...values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0,
      };
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true; // the connection itself failed: do not give it back to the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

// Span capture for tests, from the same OpenTelemetry SDK the kernel registers (one version).
export { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
export * from "./spans.js";
