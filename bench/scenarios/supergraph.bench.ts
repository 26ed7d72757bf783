// `npm run bench` (main suite): the storefront and Black Friday load on the real subgraphs, in ONE
// run, through our router, stock ApolloGateway + ApolloServer (same worker count), Hive Gateway and
// a limit baseline; each figure also as a ratio to stock ApolloGateway. Writes
// bench/results/latest.{json,md} and black-friday.svg, and prints the table.
// Env: BENCH_QUICK=1 (2–3 s per scenario smoke run), BENCH_SCENARIOS=browse,hot,checkout,black-friday,
// BENCH_SYSTEMS=stock,router,hive,baseline, BENCH_BF_RATE (baseline arrival rate, 10/s),
// BENCH_WORKERS (gateway workers, 1), BENCH_SECONDS (closed-loop seconds, 10).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { blackFridayChart } from "../src/report/chart.js";
import { reportMarkdown } from "../src/report/markdown.js";
import type { Measurement, RunResults } from "../src/report/results.js";
import { measureAll } from "../src/run/measure.js";
import { startSystems } from "../src/run/start-systems.js";
import { resultsDir, root } from "../src/support/paths.js";
import { sellableProducts } from "../src/support/sellable-products.js";
import { migrateAndSeed, SUBGRAPH_PORTS, startSubgraphs, subgraphUrl } from "../src/support/subgraphs.js";
import { prepareSupergraph } from "../src/support/supergraph.js";
import { WORKERS } from "../src/systems/systems.js";

const started = Date.now();
const quick = process.env.BENCH_QUICK === "1";
const settings = {
  closedLoopSeconds: Number(process.env.BENCH_SECONDS ?? (quick ? 3 : 10)),
  warmupSeconds: quick ? 1 : 3,
  bfRate: Number(process.env.BENCH_BF_RATE ?? 10),
  bfBaseSeconds: quick ? 3 : 15,
  bfRampSeconds: quick ? 4 : 30,
  bfHoldSeconds: quick ? 3 : 30,
  browseConnections: 16,
  hotConnections: 32,
  checkoutConnections: 8,
};
const secret = "bench-identity-secret-0123456789";
const loadAverageAtStart = os.loadavg();
console.log(
  `[bench] load average ${loadAverageAtStart.map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`,
);

if (spawnSync("bash", [path.join(root, "scripts/stack"), "up"], { stdio: "inherit" }).status !== 0)
  throw new Error("scripts/stack up failed");
migrateAndSeed();
const subgraphs = await startSubgraphs(secret);
const cleanups: Array<() => Promise<void>> = [subgraphs.close];
let measurements: Measurement[] = [];
try {
  console.log(`[bench] subgraphs up (${Object.values(SUBGRAPH_PORTS).join(", ")})`);
  const products = await sellableProducts(secret, 40);
  console.log(`[bench] ${products.length} products sellable in orders`);
  const files = prepareSupergraph(
    Object.fromEntries(Object.keys(SUBGRAPH_PORTS).map((name) => [name, subgraphUrl(name)])),
  );
  const running = await startSystems(files, secret, products);
  cleanups.push(running.close);
  measurements = await measureAll({
    running: running.systems,
    failed: running.failed,
    products,
    settings,
    subgraphPids: subgraphs.pids,
  });
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

const results: RunResults = {
  date: new Date().toISOString(),
  quick,
  cores: os.cpus().length,
  loadAverageAtStart,
  loadAverageAtEnd: os.loadavg(),
  workers: WORKERS,
  settings,
  measurements,
  totalSeconds: (Date.now() - started) / 1000,
};
mkdirSync(resultsDir, { recursive: true });
const markdown = reportMarkdown(results);
writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(resultsDir, "latest.md"), markdown);
writeFileSync(path.join(resultsDir, "black-friday.svg"), blackFridayChart(measurements));
console.log(`\n${markdown}`);
console.log(`[bench] results in ${path.relative(root, resultsDir)}/ (latest.json, latest.md, black-friday.svg)`);
process.exit(measurements.some((m) => m.failure) ? 1 : 0);
