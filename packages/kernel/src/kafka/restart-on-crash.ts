// kafkajs restarts a crashed consumer only when it deems the error retriable. A broker restart
// also crashes consumers with errors it does not ("Failed to find group coordinator"), after
// which the consumer stays stopped for good while the process looks healthy. This restarts it in
// every case, with capped backoff, until the owner stops it.
import { setTimeout as delay } from "node:timers/promises";
import type { Consumer } from "kafkajs";
import { exponentialBackoff } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";

export function restartOnCrash(
  consumer: Consumer,
  run: () => Promise<void>,
  options: { logger: Logger; signal: AbortSignal },
): void {
  const backoff = exponentialBackoff({ initialMs: 250, maxMs: 5_000 });
  let crashed = false; // set again by a crash during a restart, which then goes round once more
  let restarting: Promise<void> | undefined;
  const restart = async () => {
    while (crashed && !options.signal.aborted) {
      crashed = false;
      const wait = backoff.next();
      await delay(wait, undefined, { signal: options.signal }).catch(() => {});
      if (options.signal.aborted) return;
      try {
        await consumer.connect();
        await run();
      } catch (error) {
        options.logger.warn({ err: error }, "Kafka consumer restart failed");
        crashed = true;
      }
    }
  };
  consumer.on(consumer.events.GROUP_JOIN, () => backoff.reset());
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart || options.signal.aborted) return; // kafkajs restarts it itself
    options.logger.warn({ err: payload.error }, "Kafka consumer crashed; restarting it");
    crashed = true;
    kick();
  });
  function kick() {
    restarting ??= restart().finally(() => {
      restarting = undefined;
      if (crashed && !options.signal.aborted) kick();
    });
  }
}
