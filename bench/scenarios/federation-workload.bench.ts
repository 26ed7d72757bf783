// `npm run bench -- federation-workload`: the gateways on The Guild's gateway-benchmark shape, one
// at a time on four fast subgraphs (workload-subgraphs.ts): our router (with request dedup on and
// off), stock ApolloGateway + ApolloServer, Hive Gateway. One heavy nested query (users → reviews → product → reviews →
// author → reviews → product, plus topProducts), sent identical by every client, or unique per
// request (a `seed` argument no subgraph reads, so no request dedup can share it). Checks that every
// gateway answers the same data, then reports RPS, p50/p95/p99, gateway CPU-seconds and peak RSS,
// the ratios, and writes bench/results/federation-workload.{json,md}.
// Env: BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_WORKERS (1), BENCH_SYSTEMS (all).
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readyMessage, sampleUsage, startTsx } from "@shopstream/testkit";
import { closedLoop } from "../src/load/closed-loop.js";
import type { LoadFigures } from "../src/load/stats.js";
import { graphqlProbe, startChild, stop, waitUntilUp } from "../src/support/children.js";
import { resultsDir } from "../src/support/paths.js";
import { systems, WORKERS } from "../src/systems/systems.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const wanted = (process.env.BENCH_SYSTEMS ?? "stock,router,hive").split(",");
const secret = "bench-identity-secret-0123456789";

const query = `
  fragment U on User { id username name }
  fragment R on Review { id body }
  fragment P on Product { inStock name price shippingEstimate upc weight }
  query Workload($seed: String) {
    users(seed: $seed) { ...U reviews { ...R product { ...P reviews { ...R author { ...U reviews { ...R product { ...P } } } } } } }
    topProducts { ...P reviews { ...R author { ...U reviews { ...R product { ...P } } } } }
  }`;
let counter = 0;
const bodyOf = (mode: Mode) =>
  JSON.stringify({
    query,
    operationName: "Workload",
    variables: { seed: mode === "unique" ? `s${++counter}` : "same" },
  });

type Mode = "identical" | "unique";
interface Run {
  label: string;
  system: "stock" | "router" | "hive";
  mode: Mode;
  env?: Record<string, string>;
}
interface Result extends LoadFigures {
  label: string;
  mode: Mode;
  gatewayCpuSeconds: number;
  requestsPerCpuSecond: number;
  gatewayRssMb: number;
  subgraphsCpuSeconds: number;
}

const runs = (["identical", "unique"] as const).flatMap((mode): Run[] => [
  { label: "stock ApolloGateway", system: "stock", mode },
  { label: "shopstream router", system: "router", mode },
  ...(mode === "identical"
    ? [
        {
          label: "shopstream router, request dedup off",
          system: "router",
          mode,
          env: { ROUTER_REQUEST_DEDUP: "false" },
        } as Run,
      ]
    : []),
  { label: "Hive Gateway", system: "hive", mode },
]);

async function measure(
  run: Run,
  supergraphPath: string,
  reference: { data?: unknown },
  subgraphsPid: number,
): Promise<Result> {
  const spec = systems.find((system) => system.key === run.system)!;
  // The router's entity cache stays off (pipeline against pipeline) and its cost limit is raised
  // for this deliberately heavy query (estimated 24,420 at the default list size); the other
  // gateways have neither.
  const common = {
    IDENTITY_HMAC_SECRET: secret,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    ROUTER_CACHE: "off",
    MAX_COST: "100000",
  };
  const files = { full: supergraphPath, withoutSecurityDirectives: supergraphPath };
  const child = startChild(run.system, spec.script, { ...spec.env(files, common), ...run.env });
  try {
    await waitUntilUp(run.label, child, graphqlProbe(spec.url));
    const answer = (await (
      await fetch(spec.url, { method: "POST", headers: { "content-type": "application/json" }, body: bodyOf("unique") })
    ).json()) as { data?: unknown; errors?: unknown };
    if (answer.errors || JSON.stringify(answer.data) !== JSON.stringify(reference.data ?? answer.data))
      throw new Error(`${run.label} answered differently: ${JSON.stringify(answer).slice(0, 400)}`);
    reference.data ??= answer.data;
    const steps = [{ body: () => bodyOf(run.mode) }];
    await closedLoop({ url: spec.url, connections, seconds: 3, steps }); // warm-up: JIT, plan caches, pools
    const usage = sampleUsage({ gateway: child.pid!, subgraphs: subgraphsPid });
    const figures = await closedLoop({ url: spec.url, connections, seconds, steps });
    const { gateway, subgraphs } = usage.stop();
    return {
      label: run.label,
      mode: run.mode,
      ...figures,
      gatewayCpuSeconds: gateway!.cpuSeconds,
      requestsPerCpuSecond: Math.round(figures.requests / Math.max(gateway!.cpuSeconds, 0.01)),
      gatewayRssMb: gateway!.rssMaxMb,
      subgraphsCpuSeconds: subgraphs!.cpuSeconds,
    };
  } finally {
    await stop(child);
  }
}

const subgraphs = startTsx("bench/src/systems/workload-subgraphs.ts");
try {
  const { supergraphSdl } = await readyMessage<{ supergraphSdl: string }>(subgraphs);
  const supergraphPath = path.join(mkdtempSync(path.join(os.tmpdir(), "workload-")), "supergraph.graphql");
  writeFileSync(supergraphPath, supergraphSdl);
  const reference: { data?: unknown } = {};
  const results: Result[] = [];
  for (const run of runs.filter((candidate) => wanted.includes(candidate.system))) {
    results.push(await measure(run, supergraphPath, reference, subgraphs.pid!));
    console.log(`[bench] ${run.mode} · ${run.label}: ${results.at(-1)!.rps} RPS`);
  }
  const answerKb = Math.round(JSON.stringify({ data: reference.data }).length / 1024);
  const report = reportOf(results, answerKb);
  console.log(`\n${report}`);
  writeFileSync(path.join(resultsDir, "federation-workload.md"), `${report}\n`);
  writeFileSync(
    path.join(resultsDir, "federation-workload.json"),
    `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, workers: WORKERS, connections, seconds, answerKb, results }, null, 2)}\n`,
  );
} finally {
  await stop(subgraphs);
}

function reportOf(results: Result[], answerKb: number): string {
  const find = (mode: Mode, label: string) => results.find((r) => r.mode === mode && r.label === label);
  const lines = [
    `Run ${new Date().toISOString()} · ${os.cpus().length} cores · ${WORKERS} gateway worker(s) · c=${connections} · ${seconds} s · answer ${answerKb} KB`,
    "",
    "| Requests | System | RPS | p50 ms | p95 ms | p99 ms | errors | gateway CPU-s | RPS per CPU-s | peak RSS MB | subgraphs CPU-s |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...results.map(
      (r) =>
        `| ${r.mode} | ${r.label} | ${r.rps} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${(r.errorRate * 100).toFixed(1)} % | ${r.gatewayCpuSeconds} | ${r.requestsPerCpuSecond} | ${r.gatewayRssMb} | ${r.subgraphsCpuSeconds} |`,
    ),
    "",
  ];
  const ours = (mode: Mode) => find(mode, "shopstream router");
  const stock = (mode: Mode) => find(mode, "stock ApolloGateway");
  const hive = (mode: Mode) => find(mode, "Hive Gateway");
  const target = (name: string, value: number | undefined, bar: number, unit = "") =>
    value === undefined
      ? `- ${name}: not measured`
      : `- ${name}: ${value.toFixed(2)}${unit} (target ≥ ${bar}${unit}) ${value >= bar ? "met" : "NOT met"}`;
  const ratio = (a?: number, b?: number) => (a !== undefined && b ? a / b : undefined);
  lines.push(
    target(
      "unique: RPS per gateway CPU-second vs stock",
      ratio(ours("unique")?.requestsPerCpuSecond, stock("unique")?.requestsPerCpuSecond),
      4,
      "×",
    ),
    target("unique: RPS vs Hive Gateway", ratio(ours("unique")?.rps, hive("unique")?.rps), 1, "×"),
    target("identical: RPS vs Hive Gateway", ratio(ours("identical")?.rps, hive("identical")?.rps), 1, "×"),
    target(
      "peak RSS: stock's vs ours (unique)",
      ratio(stock("unique")?.gatewayRssMb, ours("unique")?.gatewayRssMb),
      1,
      "×",
    ),
  );
  return lines.join("\n");
}
