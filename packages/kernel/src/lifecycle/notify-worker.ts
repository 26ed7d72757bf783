// A worker woken by PostgreSQL NOTIFY: it runs batches while there is work, then sleeps until a
// NOTIFY on its channel (sent at commit by whoever queued the work) or the poll interval, whichever
// comes first. A failed batch backs off exponentially. The LISTEN connection is optional: without
// it, or after it is lost (a database restart), the worker polls and listens again once it can.
import type { Logger } from "../logging/logger.js";
import { exponentialBackoff } from "./backoff.js";
import { createWakeSignal } from "./wake-signal.js";

/** The part of a pg Client / PoolClient the worker needs for LISTEN. */
export interface ListenConnection {
  query(sql: string): Promise<unknown>;
  on(event: "notification", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  /** Gives the connection back (a pool client) or closes it (a client). */
  close(): Promise<void> | void;
}

export interface NotifyWorkerOptions {
  name: string;
  /** The NOTIFY channel that means "there is work". */
  channel: string;
  /** Opens the dedicated LISTEN connection; absent = poll only. */
  listen?: () => Promise<ListenConnection>;
  /** One batch; resolves true when more work may be waiting right away. */
  runBatch: () => Promise<boolean>;
  pollIntervalMs: number;
  logger: Logger;
  retry?: { initialMs: number; maxMs: number };
}

export interface NotifyWorker {
  stop(): Promise<void>;
}

const RELISTEN_AFTER_MS = 5_000;

export async function startNotifyWorker(options: NotifyWorkerOptions): Promise<NotifyWorker> {
  const { logger, name } = options;
  const wake = createWakeSignal();
  const backoff = exponentialBackoff(options.retry ?? { initialMs: 100, maxMs: 30_000 });
  let running = true;
  let listener: ListenConnection | undefined;
  let lastListenAttempt = 0;

  async function listen(): Promise<void> {
    if (!options.listen || listener || Date.now() - lastListenAttempt < RELISTEN_AFTER_MS) return;
    lastListenAttempt = Date.now();
    try {
      const connection = await options.listen();
      connection.on("notification", () => wake.fire());
      connection.on("error", (error) => {
        logger.warn({ err: error, worker: name }, "LISTEN connection lost; polling until it is back");
        if (listener === connection) listener = undefined;
        void Promise.resolve(connection.close()).catch(() => {});
        wake.fire(); // NOTIFYs sent while it was down are lost: look for work now
      });
      await connection.query(`LISTEN ${options.channel}`);
      listener = connection;
    } catch (error) {
      logger.warn({ err: error, worker: name }, "LISTEN failed; polling");
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        const more = await options.runBatch();
        backoff.reset();
        if (!more) {
          await listen();
          // Without its LISTEN connection the worker polls at most RELISTEN_AFTER_MS apart.
          const listening = listener !== undefined || !options.listen;
          await wake.wait(listening ? options.pollIntervalMs : Math.min(options.pollIntervalMs, RELISTEN_AFTER_MS));
        }
      } catch (error) {
        const delay = backoff.next();
        logger.error({ err: error, worker: name, retryInMs: delay }, `${name} batch failed`);
        await wake.wait(delay);
      }
    }
  }

  await listen();
  const loop = run();
  return {
    async stop() {
      running = false;
      wake.fire();
      await loop;
      await Promise.resolve(listener?.close()).catch(() => {});
      listener = undefined;
    },
  };
}
