// Runs every scenario against every system, one system at a time so they never share the cores:
// a short warm-up (JIT, plan caches, pools), then the measurement while CPU and RSS are sampled
// for the gateway, each subgraph and the load generator.

import { sampleUsage } from "@shopstream/testkit";
import { closedLoop, type Step } from "../load/closed-loop.js";
import { openLoop } from "../load/open-loop.js";
import type { LoadFigures } from "../load/stats.js";
import type { Measurement } from "../report/results.js";
import { placedToConfirmed } from "../scenarios/order-confirmations.js";
import {
  blackFridayBody,
  blackFridayRate,
  browseSteps,
  checkoutSteps,
  hotProductSteps,
} from "../scenarios/storefront.js";
import type { SellableProduct } from "../support/sellable-products.js";
import { type RunningSystem, type SystemKey, systems } from "../systems/systems.js";

interface Options {
  running: RunningSystem[];
  failed: Partial<Record<SystemKey, string>>;
  products: SellableProduct[];
  settings: Record<string, number>;
  subgraphPids: Record<string, number>;
}

const wantedScenarios = (process.env.BENCH_SCENARIOS ?? "browse,hot,checkout,black-friday").split(",");

export async function measureAll(options: Options): Promise<Measurement[]> {
  const { running, products, settings: s } = options;
  const measurements: Measurement[] = [];
  const closed = (name: string, connections: number, steps: (placed: string[]) => Step[]) => ({
    name,
    run: async (url: string, placed: string[]) => {
      await closedLoop({ url, connections, seconds: s.warmupSeconds!, steps: steps([]) });
      return { figures: await closedLoop({ url, connections, seconds: s.closedLoopSeconds!, steps: steps(placed) }) };
    },
  });
  const ramp = blackFridayRate(s.bfRate!, s.bfBaseSeconds!, s.bfRampSeconds!, s.bfHoldSeconds!);
  const scenarios = [
    closed("browse", s.browseConnections!, () => browseSteps(products)),
    closed("hot products", s.hotConnections!, () => hotProductSteps(products)),
    closed("checkout", s.checkoutConnections!, (placed) => checkoutSteps(products, placed)),
    {
      name: "black friday",
      run: (url: string) =>
        openLoop({ url, seconds: ramp.seconds, rateAt: ramp.rateAt, body: blackFridayBody(products) }),
    },
  ].filter((scenario) => wantedScenarios.includes(scenario.name.replace(" products", "").replace(" ", "-")));

  for (const scenario of scenarios) {
    for (const spec of systems) {
      const system = running.find((r) => r.spec.key === spec.key);
      const base = { scenario: scenario.name, system: spec.key, label: spec.label, processes: {} };
      if (!system) {
        if (options.failed[spec.key])
          measurements.push({ ...base, ...emptyFigures(), failure: options.failed[spec.key] });
        continue;
      }
      console.log(`[bench] ${scenario.name} · ${spec.label}`);
      const placed: string[] = [];
      const sampler = sampleUsage({
        gateway: system.child.pid!,
        ...options.subgraphPids,
        "load generator": process.pid,
      });
      try {
        const outcome: { figures: LoadFigures; timeline?: Measurement["timeline"] } = await scenario.run(
          spec.url,
          placed,
        );
        const processes = sampler.stop();
        const measurement: Measurement = { ...base, ...outcome.figures, processes, timeline: outcome.timeline };
        if (scenario.name === "checkout" && spec.key !== "baseline")
          measurement.confirmations = await placedToConfirmed(placed);
        measurements.push(measurement);
        console.log(
          `[bench]   ${outcome.figures.rps} rps, p50 ${outcome.figures.p50Ms} ms, p95 ${outcome.figures.p95Ms} ms, p99 ${outcome.figures.p99Ms} ms, errors ${(outcome.figures.errorRate * 100).toFixed(1)} %${measurement.confirmations ? `, placed→confirmed p50 ${measurement.confirmations.p50Ms} ms (${measurement.confirmations.confirmed}/${measurement.confirmations.placed})` : ""}`,
        );
      } catch (error) {
        sampler.stop();
        measurements.push({ ...base, ...emptyFigures(), failure: String(error).slice(0, 300) });
        console.error(`[bench]   failed: ${String(error)}`);
      }
    }
  }
  return measurements;
}

function emptyFigures(): LoadFigures {
  return { requests: 0, rps: 0, p50Ms: Number.NaN, p95Ms: Number.NaN, p99Ms: Number.NaN, errorRate: 1 };
}
