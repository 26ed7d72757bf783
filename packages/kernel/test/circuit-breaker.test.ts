// The circuit breaker with a fake clock: no sleeps, time moves only when the test says so.
import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "../src/resilience/circuit-breaker.js";

function setup(options: { failureThreshold?: number; resetTimeoutMs?: number; halfOpenMaxProbes?: number } = {}) {
  let now = 1_000;
  const transitions: string[] = [];
  const breaker = new CircuitBreaker("provider", {
    failureThreshold: options.failureThreshold ?? 3,
    resetTimeoutMs: options.resetTimeoutMs ?? 5_000,
    halfOpenMaxProbes: options.halfOpenMaxProbes,
    isFailure: (error) => !(error instanceof Error && error.message === "declined"),
    now: () => now,
    onStateChange: (from, to) => transitions.push(`${from}->${to}`),
  });
  return { breaker, transitions, advance: (ms: number) => (now += ms) };
}

const fail = () => Promise.reject(new Error("boom"));
const ok = () => Promise.resolve("ok");

describe("CircuitBreaker", () => {
  it("stays closed below the threshold and resets the count on success", async () => {
    const { breaker } = setup();
    await expect(breaker.execute(fail)).rejects.toThrow("boom");
    await expect(breaker.execute(fail)).rejects.toThrow("boom");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    await expect(breaker.execute(fail)).rejects.toThrow("boom");
    await expect(breaker.execute(fail)).rejects.toThrow("boom");
    expect(breaker.state).toBe("CLOSED");
  });

  it("opens after N consecutive failures and then fails fast without calling", async () => {
    const { breaker, transitions } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.execute(fail)).rejects.toThrow("boom");
    expect(breaker.state).toBe("OPEN");
    let called = false;
    const error = await breaker.execute(async () => (called = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterMs).toBe(5_000);
    expect(called).toBe(false);
    expect(transitions).toEqual(["CLOSED->OPEN"]);
  });

  it("half-opens after the reset timeout; a successful probe closes it", async () => {
    const { breaker, advance, transitions } = setup();
    for (let i = 0; i < 3; i++) await breaker.execute(fail).catch(() => {});
    advance(4_999);
    expect(breaker.canPass()).toBe(false);
    advance(1);
    expect(breaker.state).toBe("HALF_OPEN");
    await expect(breaker.execute(ok)).resolves.toBe("ok");
    expect(breaker.state).toBe("CLOSED");
    expect(transitions).toEqual(["CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"]);
  });

  it("a failed probe re-opens it for another full timeout", async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await breaker.execute(fail).catch(() => {});
    advance(5_000);
    await expect(breaker.execute(fail)).rejects.toThrow("boom");
    expect(breaker.state).toBe("OPEN");
    advance(4_000);
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    advance(1_000);
    await expect(breaker.execute(ok)).resolves.toBe("ok");
  });

  it("lets only halfOpenMaxProbes calls through while half-open", async () => {
    const { breaker, advance } = setup({ halfOpenMaxProbes: 1 });
    for (let i = 0; i < 3; i++) await breaker.execute(fail).catch(() => {});
    advance(5_000);
    let release!: () => void;
    const probe = breaker.execute(() => new Promise<string>((resolve) => (release = () => resolve("probe"))));
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(probe).resolves.toBe("probe");
    expect(breaker.state).toBe("CLOSED");
  });

  it("does not count errors that isFailure excludes", async () => {
    const { breaker } = setup({ failureThreshold: 1 });
    await expect(breaker.execute(() => Promise.reject(new Error("declined")))).rejects.toThrow("declined");
    expect(breaker.state).toBe("CLOSED");
  });
});
