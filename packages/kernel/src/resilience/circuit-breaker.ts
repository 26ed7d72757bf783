// Circuit breaker for calls to a dependency that can go down (a payment provider, a subgraph).
// CLOSED: calls pass; `failureThreshold` consecutive failures open it. OPEN: calls fail fast with
// CircuitOpenError until `resetTimeoutMs` has passed. HALF_OPEN: up to `halfOpenMaxProbes` calls
// probe the dependency; a success closes the breaker, a failure opens it again.
import { metrics } from "../observability/metrics.js";
export type CircuitState = "CLOSED" | "OPEN" | "HALF_OPEN";

export interface CircuitBreakerOptions {
  failureThreshold: number;
  resetTimeoutMs: number;
  halfOpenMaxProbes?: number;
  /** Which errors count as the dependency failing (default: all). A decline is not an outage. */
  isFailure?: (error: unknown) => boolean;
  /** Injected clock, so tests can move time without sleeping. */
  now?: () => number;
  onStateChange?: (from: CircuitState, to: CircuitState) => void;
}

export class CircuitOpenError extends Error {
  constructor(
    readonly breaker: string,
    readonly retryAfterMs: number,
  ) {
    super(`circuit ${breaker} is open`);
    this.name = "CircuitOpenError";
  }
}

/** Gauge values of circuit_breaker_state. */
const stateValue = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

export class CircuitBreaker {
  private current: CircuitState = "CLOSED";
  private failures = 0;
  private openedAt = 0;
  private probesInFlight = 0;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly options: CircuitBreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
    metrics.circuitBreakerState.set({ breaker: name }, stateValue.CLOSED);
  }

  /** The state as of now (an OPEN breaker whose timeout passed reads as HALF_OPEN). */
  get state(): CircuitState {
    if (this.current === "OPEN" && this.now() - this.openedAt >= this.options.resetTimeoutMs) {
      this.transition("HALF_OPEN");
    }
    return this.current;
  }

  /** Whether a call made now would reach the dependency. */
  canPass(): boolean {
    const state = this.state;
    return state === "CLOSED" || (state === "HALF_OPEN" && this.probesInFlight < this.maxProbes);
  }

  async execute<T>(call: () => Promise<T>): Promise<T> {
    if (!this.canPass()) {
      throw new CircuitOpenError(this.name, Math.max(0, this.openedAt + this.options.resetTimeoutMs - this.now()));
    }
    const probing = this.current === "HALF_OPEN";
    if (probing) this.probesInFlight++;
    try {
      const result = await call();
      this.recordSuccess();
      return result;
    } catch (error) {
      if (this.options.isFailure?.(error) ?? true) this.recordFailure();
      else this.recordSuccess();
      throw error;
    } finally {
      if (probing) this.probesInFlight--;
    }
  }

  private get maxProbes() {
    return this.options.halfOpenMaxProbes ?? 1;
  }

  private recordSuccess() {
    this.failures = 0;
    if (this.current !== "CLOSED") this.transition("CLOSED");
  }

  private recordFailure() {
    this.failures++;
    if (this.current === "HALF_OPEN" || this.failures >= this.options.failureThreshold) {
      this.openedAt = this.now();
      if (this.current !== "OPEN") this.transition("OPEN");
    }
  }

  private transition(to: CircuitState) {
    const from = this.current;
    this.current = to;
    if (to === "CLOSED") this.failures = 0;
    metrics.circuitBreakerState.set({ breaker: this.name }, stateValue[to]);
    this.options.onStateChange?.(from, to);
  }
}
