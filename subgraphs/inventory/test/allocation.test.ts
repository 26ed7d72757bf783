import { describe, expect, it } from "vitest";
import { allocate, mergeLines, type StockRow } from "../src/domain/allocation.js";
import { availabilityOf } from "../src/domain/availability.js";
import { applyDelta, availableOf, movementDelta, zeroCounts } from "../src/domain/movements.js";

const row = (variantId: string, warehouseId: string, available: number, warehousePriority = 10): StockRow => ({
  variantId,
  warehouseId,
  available,
  warehousePriority,
});

describe("allocate", () => {
  it("ships the whole order from the highest-priority warehouse that can fill every line", () => {
    const stock = [row("a", "w1", 5, 10), row("b", "w1", 0, 10), row("a", "w2", 5, 20), row("b", "w2", 5, 20)];
    const result = allocate(
      [
        { variantId: "a", quantity: 2 },
        { variantId: "b", quantity: 1 },
      ],
      stock,
    );
    expect(result).toEqual({
      ok: true,
      strategy: "SINGLE_WAREHOUSE",
      allocations: [
        { variantId: "a", warehouseId: "w2", quantity: 2 },
        { variantId: "b", warehouseId: "w2", quantity: 1 },
      ],
    });
  });

  it("splits a line over warehouses, largest stock first, when no warehouse can fill it", () => {
    const result = allocate([{ variantId: "a", quantity: 7 }], [row("a", "w1", 3, 10), row("a", "w2", 5, 20)]);
    expect(result).toEqual({
      ok: true,
      strategy: "SPLIT",
      allocations: [
        { variantId: "a", warehouseId: "w2", quantity: 5 },
        { variantId: "a", warehouseId: "w1", quantity: 2 },
      ],
    });
  });

  it("rejects the whole order with a reason per short line", () => {
    const result = allocate(
      [
        { variantId: "a", quantity: 1 },
        { variantId: "b", quantity: 9 },
        { variantId: "c", quantity: 1 },
      ],
      [row("a", "w1", 4), row("b", "w1", 3), row("b", "w2", 2)],
    );
    expect(result).toEqual({
      ok: false,
      rejected: [
        { variantId: "b", requested: 9, available: 5, reason: "INSUFFICIENT_STOCK" },
        { variantId: "c", requested: 1, available: 0, reason: "UNKNOWN_VARIANT" },
      ],
    });
  });

  it("merges repeated lines of one variant before allocating", () => {
    expect(
      mergeLines([
        { variantId: "b", quantity: 1 },
        { variantId: "a", quantity: 2 },
        { variantId: "b", quantity: 3 },
      ]),
    ).toEqual([
      { variantId: "a", quantity: 2 },
      { variantId: "b", quantity: 4 },
    ]);
    expect(
      allocate(
        [
          { variantId: "a", quantity: 3 },
          { variantId: "a", quantity: 3 },
        ],
        [row("a", "w1", 5)],
      ).ok,
    ).toBe(false);
  });
});

describe("movements", () => {
  it("receive, reserve, commit, ship, return leave consistent counts", () => {
    const steps = [
      movementDelta("RECEIVED", 10),
      movementDelta("RESERVED", 4),
      movementDelta("RELEASED", 1),
      movementDelta("COMMITTED", 3),
      movementDelta("SHIPPED", 3),
      movementDelta("RETURNED", 1),
      movementDelta("ADJUSTED", -2),
    ];
    const counts = steps.reduce(applyDelta, zeroCounts());
    expect(counts).toEqual({ onHand: 6, reserved: 0, committed: 0 });
    expect(availableOf(counts)).toBe(6);
  });

  it("availability uses the configured threshold", () => {
    expect(availabilityOf(0, 5)).toBe("OUT_OF_STOCK");
    expect(availabilityOf(5, 5)).toBe("LOW_STOCK");
    expect(availabilityOf(6, 5)).toBe("IN_STOCK");
    expect(availabilityOf(1, 0)).toBe("IN_STOCK");
  });
});
