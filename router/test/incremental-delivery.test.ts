import { describe, expect, it } from "vitest";
import { acceptsIncrementalDelivery } from "../src/request/incremental-delivery.js";

describe("acceptsIncrementalDelivery", () => {
  it("accepts what Apollo Client sends for an operation with @defer", () => {
    expect(acceptsIncrementalDelivery("multipart/mixed;deferSpec=20220824,application/json")).toBe(true);
    expect(acceptsIncrementalDelivery("application/json, multipart/mixed")).toBe(true);
    expect(acceptsIncrementalDelivery(["application/json", "multipart/mixed; deferSpec=20220824"])).toBe(true);
  });

  it("refuses plain JSON clients, another defer spec and an explicit q=0", () => {
    expect(acceptsIncrementalDelivery(undefined)).toBe(false);
    expect(acceptsIncrementalDelivery("application/json")).toBe(false);
    expect(acceptsIncrementalDelivery("multipart/mixed;deferSpec=20990101")).toBe(false);
    expect(acceptsIncrementalDelivery("multipart/mixed;q=0, application/json")).toBe(false);
  });
});
