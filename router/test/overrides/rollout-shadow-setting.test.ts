import { describe, expect, it } from "vitest";
import { parseRollout } from "../../src/overrides/rollout-settings.js";

describe("shadow reads in the rollout setting", () => {
  it("reads a label's sample and ignored fields, defaulting to none", () => {
    const rollout = parseRollout(
      JSON.stringify({
        labels: { "legacy:user-orders": 5 },
        shadow: {
          "legacy:user-orders": { sample: 10, ignore: ["Order.id", "OrderEdge.cursor"] },
          other: { sample: 1 },
        },
      }),
    );
    expect(rollout.shadow).toEqual({
      "legacy:user-orders": { sample: 10, ignore: ["Order.id", "OrderEdge.cursor"] },
      other: { sample: 1, ignore: [] },
    });
    expect(parseRollout('{"labels":{}}').shadow).toEqual({});
  });

  it("rejects a sample outside 0..100 and an ignored field that is not Type.field, naming them", () => {
    expect(() => parseRollout(JSON.stringify({ shadow: { l: { sample: 101 } } }))).toThrow(/shadow\.l\.sample/);
    expect(() => parseRollout(JSON.stringify({ shadow: { l: { sample: 5, ignore: ["id"] } } }))).toThrow(
      /expected "Type\.field"/,
    );
  });
});
