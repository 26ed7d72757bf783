import { describe, expect, it } from "vitest";
import { createShadowBudget } from "../../src/shadow/shadow-budget.js";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe("shadow budget", () => {
  it("runs work within the limit and drops what comes beyond it, never queueing", async () => {
    const budget = createShadowBudget({ maxInFlight: 2, timeoutMs: 5_000 });
    const gates = [deferred<string>(), deferred<string>()];
    const running = gates.map((gate) => budget.run(() => gate.promise));
    let ran = false;
    const third = await budget.run(async () => {
      ran = true;
      return "third";
    });
    expect(third).toEqual({ outcome: "dropped" });
    expect(ran).toBe(false);
    gates[0]!.resolve("a");
    gates[1]!.resolve("b");
    expect(await Promise.all(running)).toEqual([
      { outcome: "done", value: "a" },
      { outcome: "done", value: "b" },
    ]);
    expect(budget.inFlight).toBe(0);
    expect(await budget.run(async () => "again")).toEqual({ outcome: "done", value: "again" });
  });

  it("gives up on slow work at the timeout but keeps its slot until it really ends", async () => {
    const budget = createShadowBudget({ maxInFlight: 1, timeoutMs: 20 });
    const slow = deferred<string>();
    expect(await budget.run(() => slow.promise)).toEqual({ outcome: "timeout" });
    expect(budget.inFlight).toBe(1);
    expect(await budget.run(async () => "next")).toEqual({ outcome: "dropped" });
    slow.resolve("late");
    await slow.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(budget.inFlight).toBe(0);
  });

  it("drops reads while the process is busier than its load limit", async () => {
    let load = 0.9;
    const budget = createShadowBudget({ maxInFlight: 8, timeoutMs: 1_000, maxLoad: 0.5, load: () => load });
    expect(await budget.run(async () => "busy")).toEqual({ outcome: "dropped" });
    load = 0.2;
    expect(await budget.run(async () => "calm")).toEqual({ outcome: "done", value: "calm" });
  });

  it("passes a failure on and frees the slot", async () => {
    const budget = createShadowBudget({ maxInFlight: 1, timeoutMs: 1_000 });
    await expect(budget.run(async () => Promise.reject(new Error("subgraph down")))).rejects.toThrow("subgraph down");
    expect(budget.inFlight).toBe(0);
  });
});
