import { EventEmitter } from "node:events";
import type { Consumer } from "kafkajs";
import { describe, expect, it } from "vitest";
import { createLogger, restartOnCrash } from "../src/index.js";

const logger = createLogger("restart-on-crash-test", "silent");

/** Just the part of a kafkajs consumer restartOnCrash uses: its events and connect. */
function fakeConsumer() {
  const emitter = new EventEmitter();
  let connects = 0;
  const consumer = {
    events: { CRASH: "consumer.crash", GROUP_JOIN: "consumer.group_join" },
    on: (event: string, listener: (payload: unknown) => void) => emitter.on(event, listener),
    connect: async () => {
      connects += 1;
    },
  } as unknown as Consumer;
  const crash = (restart: boolean) =>
    emitter.emit("consumer.crash", { payload: { error: new Error("Failed to find group coordinator"), restart } });
  return { consumer, crash, connects: () => connects };
}

const until = async (condition: () => boolean, ms: number) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline && !condition(); )
    await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
};

describe("restartOnCrash", () => {
  it("restarts a consumer kafkajs leaves stopped, and goes round again when the restart crashes too", async () => {
    const fake = fakeConsumer();
    let runs = 0;
    restartOnCrash(
      fake.consumer,
      async () => {
        runs += 1;
        if (runs === 1) fake.crash(false); // the first restart crashes while starting
      },
      { logger, signal: new AbortController().signal },
    );
    fake.crash(false);
    expect(await until(() => runs === 2, 4_000)).toBe(true);
    expect(fake.connects()).toBe(2);
  });

  it("leaves restarts kafkajs does itself alone, and does nothing once stopped", async () => {
    const fake = fakeConsumer();
    const stopped = new AbortController();
    let runs = 0;
    restartOnCrash(
      fake.consumer,
      async () => {
        runs += 1;
      },
      { logger, signal: stopped.signal },
    );
    fake.crash(true);
    expect(await until(() => runs > 0, 1_000)).toBe(false);
    stopped.abort();
    fake.crash(false);
    expect(await until(() => runs > 0, 1_000)).toBe(false); // a restart comes ≤ 250 ms after a crash
  });
});
