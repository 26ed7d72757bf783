// The simulated provider and the HTTP adapter together on loopback: idempotent answers, the
// decline token, the outage switch, timeouts as provider errors.
import { afterEach, describe, expect, it } from "vitest";
import { createHttpPaymentProvider } from "../src/payments/http-provider.js";
import { PaymentProviderError } from "../src/payments/provider.js";
import { type PaymentSimulator, startPaymentSimulator } from "../src/payments/simulator/server.js";

let simulator: PaymentSimulator;
afterEach(async () => simulator?.close());
const amount = { amount: 1_000, currency: "USD" };

describe("payment simulator over HTTP", () => {
  it("answers the same idempotency key with the same authorization", async () => {
    simulator = await startPaymentSimulator();
    const provider = createHttpPaymentProvider({ baseUrl: simulator.url, timeoutMs: 1_000 });
    const request = { idempotencyKey: "o1:authorize:1", reference: "o1", amount, cardToken: "tok_visa" };
    const first = await provider.authorize(request);
    const second = await provider.authorize(request);
    expect(first.outcome).toBe("AUTHORIZED");
    expect(second).toEqual(first);
    expect(simulator.stats.byReference.o1).toBe(1);
    if (first.outcome !== "AUTHORIZED") throw new Error("unreachable");
    await provider.capture({ idempotencyKey: "o1:capture", authorizationId: first.authorizationId, amount });
    await provider.refund({ idempotencyKey: "o1:refund", authorizationId: first.authorizationId, amount });
    expect(simulator.stats).toMatchObject({ captures: 1, refunds: 1 });
  });

  it("declines tok_decline, and fails every call during an outage", async () => {
    simulator = await startPaymentSimulator();
    const provider = createHttpPaymentProvider({ baseUrl: simulator.url, timeoutMs: 1_000 });
    const declined = await provider.authorize({
      idempotencyKey: "o2:authorize:1",
      reference: "o2",
      amount,
      cardToken: "tok_decline",
    });
    expect(declined).toEqual({ outcome: "DECLINED", reason: "card_declined" });
    await fetch(`${simulator.url}/admin/config`, { method: "POST", body: JSON.stringify({ outage: true }) });
    const error = await provider
      .authorize({ idempotencyKey: "o3:authorize:1", reference: "o3", amount, cardToken: "tok_visa" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect((error as PaymentProviderError).status).toBe(503);
  });

  it("turns a slow provider into a timeout error", async () => {
    simulator = await startPaymentSimulator({ config: { latencyMs: 300 } });
    const provider = createHttpPaymentProvider({ baseUrl: simulator.url, timeoutMs: 50 });
    const error = await provider
      .authorize({ idempotencyKey: "o4:authorize:1", reference: "o4", amount, cardToken: "tok_visa" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect((error as Error).message).toContain("timed out");
  });
});
