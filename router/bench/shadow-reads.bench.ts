// Benchmark: what shadow reads cost the client. Availability reads of a migrating field
// (Variant.availability, legacy at 0 %) through the router at a constant arrival rate, with the
// label's shadow sample at 0 %, 10 % and 100 %: client-visible p50/p99 per setting, and what the
// shadow reads found and dropped. Real catalog, inventory and legacy (their harnesses, in this
// process) over PostgreSQL; the router is a child process of its own (as deployed), reading the
// rollout file the bench rewrites between runs. Half the SKUs disagree between the two sides.
// p50/p99 are the median rounds of BENCH_ROUNDS rounds of every setting in turn.
// Env: BENCH_RATE (requests/s, 150), BENCH_SECONDS (per setting and round, 12), BENCH_ROUNDS (5),
// BENCH_PRODUCTS (20).
// Records router/bench/results/shadow-reads.json.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openLoop } from "@shopstream/bench/load/open-loop";
import type { LoadFigures } from "@shopstream/bench/load/stats";
import {
  AVAILABILITY_LABEL as LABEL,
  startAvailabilityMigration,
} from "@shopstream/e2e/support/availability-migration";
import { freePort, startTsx, stop, waitForHttp } from "@shopstream/testkit";

type Round = LoadFigures & { delta(outcome: string): number };

const rate = Number(process.env.BENCH_RATE ?? 150);
const seconds = Number(process.env.BENCH_SECONDS ?? 12);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// The second 0 % is a control: its distance from the first is what this machine's noise alone does.
const settings = [
  { name: "0 %", sample: 0 },
  { name: "10 %", sample: 10 },
  { name: "100 %", sample: 100 },
  { name: "0 % (control)", sample: 0 },
];
const root = path.resolve(import.meta.dirname, "../..");
const query = "query Availability($sku: String!) { variant(sku: $sku) { id sku availability } }";

const migration = await startAvailabilityMigration();
let router: ReturnType<typeof startTsx> | undefined;
try {
  const skus: string[] = [];
  for (let i = 0; i < productCount; i++) {
    const { disagreeing, agreeing } = await migration.migratingProduct();
    skus.push(disagreeing, agreeing);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "shadow-bench-"));
  const supergraphPath = path.join(dir, "supergraph.graphql");
  const rolloutPath = path.join(dir, "rollout.json");
  await writeFile(supergraphPath, migration.supergraphSdl);
  const setSample = (sample: number) =>
    writeFile(rolloutPath, JSON.stringify({ labels: { [LABEL]: 0 }, shadow: { [LABEL]: { sample } } }));
  await setSample(0);
  const port = await freePort();
  router = startTsx(path.join(root, "router/src/server.ts"), {
    SUPERGRAPH_PATH: supergraphPath,
    ROLLOUT_PATH: rolloutPath,
    PORT: String(port),
    ROUTER_WORKERS: "1",
    ROUTER_CACHE: "off",
    RATE_LIMIT_ENABLED: "false",
    LOG_LEVEL: "error", // mismatches are logged at warn: half the requests here mismatch
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`);
  let next = 0;
  const body = () =>
    JSON.stringify({ query, variables: { sku: skus[next++ % skus.length] }, operationName: "Availability" });
  const run = (forSeconds: number) =>
    openLoop({ url: `${base}/graphql`, seconds: forSeconds, rateAt: () => rate, body });

  await run(5); // warm-up: plans, connections, JIT
  // Rounds of every setting in turn, so a slow patch of the machine hits all settings alike.
  const perSetting = settings.map(() => [] as Round[]);
  for (let round = 0; round < rounds; round++)
    for (const [index, { sample }] of settings.entries()) {
      await setSample(sample);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the router re-reads within 500 ms
      const before = await shadowCounts(base);
      const { figures } = await run(seconds);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the last shadow reads finish
      const after = await shadowCounts(base);
      const delta = (outcome: string) => (after[outcome] ?? 0) - (before[outcome] ?? 0);
      perSetting[index]!.push({ ...figures, delta });
    }
  // The median round: one round hit by a machine hiccup (GC, a neighbour) does not decide it.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const sum = (list: Round[], outcome: string) => list.reduce((total, round) => total + round.delta(outcome), 0);
  const rows = settings.map(({ name }, index) => {
    const list = perSetting[index]!;
    return {
      sample: name,
      requests: list.reduce((total, round) => total + round.requests, 0),
      p50Ms: median(list.map((round) => round.p50Ms)),
      p99Ms: median(list.map((round) => round.p99Ms)),
      errorRate: Math.max(...list.map((round) => round.errorRate)),
      shadowMatches: sum(list, "match"),
      shadowMismatches: sum(list, "mismatch"),
      shadowDropped: sum(list, "dropped"),
      shadowFailed: sum(list, "timeout") + sum(list, "error"),
    };
  });
  // Against both 0 % rows: their spread is the noise a rise has to stand out from.
  const unshadowed = rows.filter((_, index) => settings[index]!.sample === 0).map((row) => row.p99Ms);
  const baseline = unshadowed.reduce((a, b) => a + b, 0) / unshadowed.length;
  const noisePercent = Math.round(((Math.max(...unshadowed) - Math.min(...unshadowed)) / baseline) * 1000) / 10;
  const withRise = rows.map((row) => ({
    ...row,
    p99RisePercent: Math.round(((row.p99Ms - baseline) / baseline) * 1000) / 10,
  }));
  console.log(
    `\nshadow reads: ${rate} requests/s open loop, ${rounds} × ${seconds} s per setting, ${os.cpus().length} cores; p99 rise against the mean of the 0 % rows, whose spread is ${noisePercent} %`,
  );
  console.table(withRise);
  const results = path.join(import.meta.dirname, "results");
  await mkdir(results, { recursive: true });
  await writeFile(
    path.join(results, "shadow-reads.json"),
    `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, rate, seconds, rounds, p99NoisePercent: noisePercent, rows: withRise }, null, 2)}\n`,
  );
} finally {
  if (router) await stop(router);
  await migration.close();
}

/** router_shadow_reads_total of the label, summed per outcome, from the router's /metrics. */
async function shadowCounts(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^router_shadow_reads_total\{([^}]*)\} (\d+)/gm)) {
    if (!match[1]!.includes(`label="${LABEL}"`)) continue;
    const outcome = /outcome="([^"]+)"/.exec(match[1]!)?.[1] ?? "?";
    counts[outcome] = (counts[outcome] ?? 0) + Number(match[2]);
  }
  return counts;
}
