import { spawnSync } from "node:child_process";
import path from "node:path";
import { inventoryEvents } from "@shopstream/kernel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyDelta, type MovementType, movementDelta, type StockCounts, zeroCounts } from "../src/domain/movements.js";
import { rebuildProjection } from "../src/services/projection-rebuild.js";
import { createFixture, type Fixture } from "./support/fixture.js";

let fx: Fixture;
beforeAll(async () => {
  fx = await createFixture();
});
afterAll(() => fx.close());

/** mulberry32: a reproducible random history (the seed is printed on failure via the test name). */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const warehouses = ["wh-ams", "wh-ber", "wh-mad"];
// Every movement type there is: a new one without a case in randomMovement fails typechecking.
const types: readonly MovementType[] = inventoryEvents.movementTypes;

/** A movement that keeps every count non-negative in the model, or null if this type cannot apply now. */
function randomMovement(random: () => number, counts: StockCounts): { type: MovementType; quantity: number } | null {
  const type = types[Math.floor(random() * types.length)]!;
  const available = counts.onHand - counts.reserved - counts.committed;
  const upTo = (n: number) => (n > 0 ? 1 + Math.floor(random() * n) : 0);
  const quantity = {
    RECEIVED: 1 + Math.floor(random() * 20),
    RETURNED: 1 + Math.floor(random() * 3),
    RESERVED: upTo(available),
    RELEASED: upTo(counts.reserved),
    COMMITTED: upTo(counts.reserved),
    UNCOMMITTED: upTo(counts.committed),
    SHIPPED: upTo(counts.committed),
    ADJUSTED: random() < 0.5 ? 1 + Math.floor(random() * 5) : -upTo(Math.min(available, 5)),
  }[type];
  return quantity === 0 ? null : { type, quantity };
}

/** Writes `count` random movements over the given variants; 4 writers run concurrently. */
async function randomHistory(seed: number, variantIds: string[], count: number) {
  const writers = 4;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const random = prng(seed + writer);
      const mine = variantIds.filter((_, i) => i % writers === writer);
      const model = new Map<string, StockCounts>();
      let written = 0;
      while (written < count / writers) {
        await fx.services.transact(async (tx) => {
          for (let i = 0; i < 50 && written < count / writers; ) {
            const variantId = mine[Math.floor(random() * mine.length)]!;
            const warehouseId = warehouses[Math.floor(random() * warehouses.length)]!;
            const key = `${variantId}|${warehouseId}`;
            const counts = model.get(key) ?? zeroCounts();
            const movement = randomMovement(random, counts);
            if (!movement) continue;
            await fx.services.recorder.record(tx, { variantId, warehouseId, ...movement, reason: "random history" });
            model.set(key, applyDelta(counts, movementDelta(movement.type, movement.quantity)));
            written += 1;
            i += 1;
          }
        });
      }
    }),
  );
}

describe("projection rebuild", () => {
  it("after a random history of 5,000 movements the rebuilt projection equals the live one", {
    timeout: 180_000,
  }, async () => {
    const variantIds = Array.from({ length: 24 }, () => fx.newVariant());
    await randomHistory(20261123, variantIds, 5_000);

    const report = await rebuildProjection(fx.prisma, { variantIds });

    expect(report.movements).toBe(5_000);
    expect(report.rows).toBeGreaterThan(24);
    expect(report.mismatches).toEqual([]);
  });

  it("detects a drifted row and replaces it from the log", async () => {
    const variantId = fx.newVariant();
    await fx.receive(variantId, "wh-ams", 7);
    await fx.prisma.$executeRawUnsafe("UPDATE stock_level SET on_hand = 9 WHERE variant_id = $1", variantId);

    const drift = await rebuildProjection(fx.prisma, { variantIds: [variantId] });
    expect(drift.mismatches).toEqual([
      {
        variantId,
        warehouseId: "wh-ams",
        live: { onHand: 9, reserved: 0, committed: 0 },
        rebuilt: { onHand: 7, reserved: 0, committed: 0 },
      },
    ]);
    await rebuildProjection(fx.prisma, { variantIds: [variantId], replace: true });
    expect((await rebuildProjection(fx.prisma, { variantIds: [variantId] })).mismatches).toEqual([]);
    expect((await fx.stockRows(variantId))[0]?.onHand).toBe(7);
  });

  it("the CLI replays the whole log and finds the projection intact", { timeout: 120_000 }, () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const result = spawnSync(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "subgraphs/inventory/src/cli/rebuild-projection.ts")],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const summary = /^\[rebuild projection\] inventory: (.*)$/m.exec(result.stdout)?.[1];
    expect(JSON.parse(summary!)).toMatchObject({ mismatches: 0 });
  });
});
