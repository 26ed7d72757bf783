// The NOTIFY-driven worker against a real PostgreSQL: a NOTIFY wakes it long before its poll
// interval, a failing batch backs off and recovers, and a LISTEN connection the server kills (as a
// restart or fail-over does) is replaced, so wake-ups keep coming.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, createPgClient, type NotifyWorker, startNotifyWorker } from "../src/index.js";
import { waitFor } from "../src/testing/index.js";
import { testPgConnection } from "./support/outbox-fixture.js";

const logger = createLogger("notify-worker-test", "silent");
const connection = testPgConnection;
const running: NotifyWorker[] = [];
afterEach(async () => {
  for (const worker of running.splice(0)) await worker.stop();
});

async function sql(text: string): Promise<unknown[]> {
  const client = createPgClient(connection, logger);
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** A worker on a channel of its own that counts its batches; poll interval one minute. */
async function countingWorker(runBatch: () => Promise<boolean> = async () => false) {
  const channel = `work_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let batches = 0;
  const applicationName = `notify-test-${channel}`;
  const worker = await startNotifyWorker({
    name: "test worker",
    channel,
    listen: async () => {
      const client = createPgClient({ ...connection, application_name: applicationName }, logger);
      await client.connect();
      return Object.assign(client, { close: () => client.end() });
    },
    runBatch: async () => {
      batches += 1;
      return runBatch();
    },
    pollIntervalMs: 60_000,
    logger,
    retry: { initialMs: 20, maxMs: 100 },
  });
  running.push(worker);
  return { channel, applicationName, batches: () => batches };
}

describe("startNotifyWorker", () => {
  it("runs a batch at start, then on every NOTIFY instead of waiting for the poll", async () => {
    const worker = await countingWorker();
    await waitFor(() => worker.batches() === 1, { what: "the first batch" });
    for (let i = 2; i <= 4; i++) {
      await sql(`NOTIFY ${worker.channel}`);
      await waitFor(() => worker.batches() >= i, { timeoutMs: 5_000, what: `batch ${i} after NOTIFY` });
    }
    expect(worker.batches()).toBe(4);
  });

  it("runs batches back to back while they report more work, and backs off after a failure", async () => {
    let calls = 0;
    const worker = await countingWorker(async () => {
      calls += 1;
      if (calls === 2) throw new Error("database blip");
      return calls < 5; // more work until the fifth batch
    });
    await waitFor(() => worker.batches() === 5, { timeoutMs: 5_000, what: "five batches without a NOTIFY" });
  });

  it("listens again after the server kills its LISTEN connection", async () => {
    const worker = await countingWorker();
    await waitFor(() => worker.batches() === 1, { what: "the first batch" });
    const killed = await sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${worker.applicationName}'`,
    );
    expect(killed).toHaveLength(1);
    const listeningAgain = () =>
      sql(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = '${worker.applicationName}' AND query LIKE 'LISTEN%'`,
      );
    await waitFor(async () => (await listeningAgain()).length === 1, {
      timeoutMs: 15_000,
      what: "a new LISTEN connection",
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // LISTEN answered, worker asleep again
    const before = worker.batches();
    await sql(`NOTIFY ${worker.channel}`);
    await waitFor(() => worker.batches() > before, { timeoutMs: 5_000, what: "a NOTIFY heard on the new connection" });
  });
});
