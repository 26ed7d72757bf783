// The rollout file is re-read when it changes: a rollback to 0 applies within a second, and a
// broken file never replaces the last good setting.
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@shopstream/kernel";
import { waitFor } from "@shopstream/kernel/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type RolloutState, startRolloutSources } from "../../src/overrides/rollout-sources.js";

const logger = createLogger("rollout-test", "silent");
const label = "legacy:variant-availability";
let state: RolloutState | undefined;
let dir: string | undefined;
afterEach(async () => {
  state?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function rolloutFile(percent: number) {
  dir = await mkdtemp(path.join(os.tmpdir(), "rollout-"));
  const file = path.join(dir, "rollout.json");
  await writeFile(file, JSON.stringify({ labels: { [label]: percent } }));
  return file;
}

describe("rollout file", () => {
  it("applies an edit (rollback to 0) within 1 s, also when the file is replaced by rename", async () => {
    const file = await rolloutFile(25);
    state = await startRolloutSources({ file, logger, pollMs: 500 });
    expect(state.current().labels[label]).toBe(25);

    let started = performance.now();
    await writeFile(file, JSON.stringify({ labels: { [label]: 0 } }));
    await waitFor(() => state!.current().labels[label] === 0, { timeoutMs: 1_000, intervalMs: 10 });
    expect(performance.now() - started).toBeLessThan(1_000);

    started = performance.now();
    await writeFile(`${file}.tmp`, JSON.stringify({ labels: { [label]: 100 } }));
    await rename(`${file}.tmp`, file);
    await waitFor(() => state!.current().labels[label] === 100, { timeoutMs: 1_000, intervalMs: 10 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("keeps the last good setting when the file turns invalid", async () => {
    const file = await rolloutFile(50);
    state = await startRolloutSources({ file, logger, pollMs: 50 });
    await writeFile(file, JSON.stringify({ labels: { [label]: 150 } }));
    await state.refresh();
    await writeFile(file, "{ not json");
    await state.refresh();
    expect(state.current().labels[label]).toBe(50);
  });

  it("starts with everything on legacy when the file is missing", async () => {
    state = await startRolloutSources({ file: "/nonexistent/rollout.json", logger, pollMs: 500 });
    expect(state.current()).toEqual({ labels: {}, shadow: {} });
  });
});
