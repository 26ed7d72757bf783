// What the simulated provider does with a request: configurable latency, an outage switch, a
// random failure rate, and decline rules keyed on test card tokens.
export interface SimulatorConfig {
  latencyMs: number;
  /** 0..1: share of requests answered with a 500. */
  failureRate: number;
  /** While true every request gets a 503. */
  outage: boolean;
}

export const defaultSimulatorConfig: SimulatorConfig = { latencyMs: 0, failureRate: 0, outage: false };

/** Test card tokens with a fixed outcome; any other token is approved. */
export const declineTokens: Record<string, string> = {
  tok_decline: "card_declined",
  tok_insufficient_funds: "insufficient_funds",
};

export type Fault = { status: 500 | 503; error: string } | null;

export function faultFor(config: SimulatorConfig, random = Math.random): Fault {
  if (config.outage) return { status: 503, error: "provider outage" };
  if (config.failureRate > 0 && random() < config.failureRate) return { status: 500, error: "random failure" };
  return null;
}
