import { describe, expect, it } from "vitest";
import { catalogEvents } from "../src/index.js";
import { decodeEnvelope } from "../src/kafka/decode.js";

const handlers = new Map([[catalogEvents.priceChanged.type, { definition: catalogEvents.priceChanged }]]);
const valid = catalogEvents.priceChanged.create({
  source: "catalog",
  subject: "p1",
  data: {
    productId: "p1",
    variantId: "v1",
    sku: "SKU",
    price: { amount: 1999, currency: "EUR" },
    compareAtPrice: null,
  },
});
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("decodeEnvelope", () => {
  it("accepts a valid event for a handled type", () => {
    expect(decodeEnvelope(encode(valid), handlers)).toMatchObject({ kind: "handled", envelope: { id: valid.id } });
  });
  it("ignores types nobody here handles", () => {
    expect(decodeEnvelope(encode({ ...valid, type: "other.thing" }), handlers)).toEqual({ kind: "ignored" });
  });
  it("rejects non-JSON, bad envelopes and bad data with a reason", () => {
    expect(decodeEnvelope(Buffer.from("{nope"), handlers)).toEqual({ kind: "invalid", reason: "value is not JSON" });
    expect(decodeEnvelope(encode({ ...valid, id: "x" }), handlers)).toMatchObject({
      kind: "invalid",
      reason: expect.stringMatching(/^bad envelope: id/),
    });
    const badData = { ...valid, data: { ...valid.data, price: { amount: 19.99, currency: "EUR" } } };
    expect(decodeEnvelope(encode(badData), handlers)).toMatchObject({
      kind: "invalid",
      reason: expect.stringMatching(/price\.amount/),
    });
  });
});
