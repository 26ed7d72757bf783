// `npm run bench -- saga-capacity`: how fast the checkout saga confirms orders. The real services
// and our router; guest carts are prepared first, then placeOrder alone arrives open-loop through
// the router at each rate for BENCH_SAGA_SECONDS (60), and placed→confirmed is read from what the
// services recorded, hop by hop (bench/src/saga/saga-hops.ts). Then a backlog: 2,000 orders placed
// by 32 callers as fast as they are answered, and the time until the saga has settled the last. Writes
// bench/results/saga-capacity.{json,md}.
// Env: BENCH_SAGA_RATES (20,30,40,50; #20's targets are 100 and 150), BENCH_SAGA_SECONDS (60),
// BENCH_SAGA_BACKLOG (2000),
// BENCH_QUICK=1 (10 s per rate, 300 orders of backlog).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openLoop } from "../src/load/open-loop.js";
import { isGraphQLFailure } from "../src/load/stats.js";
import { placeOrderInput, prepareCarts } from "../src/saga/saga-carts.js";
import { HOPS, type HopFigures, sagaHops } from "../src/saga/saga-hops.js";
import { stockUp } from "../src/saga/stock-up.js";
import { body, PLACE_ORDER } from "../src/scenarios/operations.js";
import { type ConfirmationFigures, placedToConfirmed } from "../src/scenarios/order-confirmations.js";
import { graphqlProbe, startChild, stop, waitUntilUp } from "../src/support/children.js";
import { connectDomainDb } from "../src/support/domain-db.js";
import { resultsDir, root } from "../src/support/paths.js";
import { sellableProducts } from "../src/support/sellable-products.js";
import { migrateAndSeed, SUBGRAPH_PORTS, startSubgraphs, subgraphUrl } from "../src/support/subgraphs.js";
import { prepareSupergraph } from "../src/support/supergraph.js";
import { systems } from "../src/systems/systems.js";

const quick = process.env.BENCH_QUICK === "1";
const rates = (process.env.BENCH_SAGA_RATES ?? "20,30,40,50").split(",").map(Number);
const seconds = Number(process.env.BENCH_SAGA_SECONDS ?? (quick ? 10 : 60));
const backlogSize = Number(process.env.BENCH_SAGA_BACKLOG ?? (quick ? 300 : 2000));
const secret = "bench-identity-secret-0123456789";
const run = `saga-${Date.now()}`;

interface RateResult {
  rate: number;
  placement: { requests: number; p50Ms: number; p99Ms: number; errorRate: number };
  confirmations: ConfirmationFigures;
  hops: HopFigures[];
}

/** Ids of the orders this run placed under one idempotency-key prefix. */
async function placedOrders(prefix: string): Promise<string[]> {
  const client = await connectDomainDb("orders");
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "order" WHERE idempotency_key LIKE $1 || '-%'`,
      [prefix],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Sends one placeOrder per cart at `rate` per second (open loop) under the key prefix. */
async function place(url: string, carts: string[], rate: number, prefix: string) {
  let next = 0;
  return openLoop({
    url,
    seconds: carts.length / rate,
    rateAt: () => rate,
    body: () => body(PLACE_ORDER, { input: placeOrderInput(carts[next++ % carts.length]!, prefix) }),
    timeoutMs: 30_000,
    maxInFlight: 1024,
  });
}

/** Places one order per cart as fast as `concurrency` callers get answers (a closed loop). */
async function placeAll(url: string, carts: string[], prefix: string, concurrency = 32): Promise<number> {
  let next = 0;
  let failed = 0;
  const caller = async () => {
    while (next < carts.length) {
      const text = body(PLACE_ORDER, { input: placeOrderInput(carts[next++]!, prefix) });
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: text,
      });
      if (isGraphQLFailure(response.status, await response.text())) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return failed;
}

if (spawnSync("bash", [path.join(root, "scripts/stack"), "up"], { stdio: "inherit" }).status !== 0)
  throw new Error("scripts/stack up failed");
migrateAndSeed();
const subgraphs = await startSubgraphs(secret);
const routerSpec = systems.find((s) => s.key === "router")!;
let router: ReturnType<typeof startChild> | undefined;
const results: RateResult[] = [];
let backlog:
  | { orders: number; failed: number; placedInS: number; drainedInS: number; confirmations: ConfirmationFigures }
  | undefined;
try {
  const products = await sellableProducts(secret, 40);
  const variantIds = products.flatMap((p) => p.variantIds);
  await stockUp(secret, variantIds, 100_000);
  const files = prepareSupergraph(
    Object.fromEntries(Object.keys(SUBGRAPH_PORTS).map((name) => [name, subgraphUrl(name)])),
  );
  router = startChild(
    "router",
    routerSpec.script,
    routerSpec.env(files, { IDENTITY_HMAC_SECRET: secret, NODE_ENV: "production", LOG_LEVEL: "warn" }),
  );
  await waitUntilUp(routerSpec.label, router, graphqlProbe(routerSpec.url));
  console.log(`[bench] router up; ${variantIds.length} variants stocked`);

  for (const rate of rates) {
    const carts = await prepareCarts(routerSpec.url, variantIds, Math.round(rate * seconds));
    const prefix = `${run}-r${rate}`;
    const { figures } = await place(routerSpec.url, carts, rate, prefix);
    const ids = await placedOrders(prefix);
    const confirmations = await placedToConfirmed(ids, 180_000);
    const hops = await sagaHops(ids);
    results.push({ rate, placement: figures, confirmations, hops });
    console.log(
      `[bench] ${rate}/s: ${ids.length} placed (placeOrder p99 ${figures.p99Ms} ms, errors ${figures.errorRate}), ` +
        `${confirmations.confirmed} confirmed, placed→confirmed p50 ${confirmations.p50Ms} / p99 ${confirmations.p99Ms} ms`,
    );
  }

  const carts = await prepareCarts(routerSpec.url, variantIds, backlogSize);
  const prefix = `${run}-backlog`;
  const started = Date.now();
  const failed = await placeAll(routerSpec.url, carts, prefix);
  const placedInS = (Date.now() - started) / 1000;
  const ids = await placedOrders(prefix);
  const confirmations = await placedToConfirmed(ids, 300_000);
  const drainedInS = (Date.now() - started) / 1000;
  backlog = { orders: ids.length, failed, placedInS, drainedInS, confirmations };
  console.log(
    `[bench] backlog of ${ids.length} (${failed} placeOrder failed): placed in ${placedInS.toFixed(1)} s, all settled after ${drainedInS.toFixed(1)} s`,
  );
} finally {
  if (router) await stop(router);
  await subgraphs.close();
}

const sustained = results.filter(
  (r) => r.confirmations.notConfirmed === 0 && r.confirmations.p99Ms <= 1000 && r.placement.errorRate === 0,
);
const best = sustained.reduce<RateResult | undefined>((a, r) => (!a || r.rate > a.rate ? r : a), undefined);
const lines = [
  `Run ${new Date().toISOString()} · ${os.cpus().length} cores · load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} · ${seconds} s per rate`,
  "",
  `Highest placement rate with placed→confirmed p99 ≤ 1 s: ${best ? `${best.rate} orders/s (p50 ${best.confirmations.p50Ms} ms, p99 ${best.confirmations.p99Ms} ms)` : "none of the rates tried"}.`,
  "",
  "| orders/s | placed | confirmed | placeOrder p50 / p99 ms | errors | placed→confirmed p50 / p95 / p99 ms |",
  "|--:|--:|--:|--:|--:|--:|",
  ...results.map(
    (r) =>
      `| ${r.rate} | ${r.confirmations.placed} | ${r.confirmations.confirmed} | ${r.placement.p50Ms} / ${r.placement.p99Ms} | ${(r.placement.errorRate * 100).toFixed(1)} % | ${r.confirmations.p50Ms} / ${r.confirmations.p95Ms} / ${r.confirmations.p99Ms} |`,
  ),
  "",
  "Per hop, p50 / p99 ms (each from the timestamps the services record):",
  "",
  `| hop | ${results.map((r) => `${r.rate}/s`).join(" | ")} |`,
  `|---|${results.map(() => "--:").join("|")}|`,
  ...HOPS.map(
    (hop, i) => `| ${hop} | ${results.map((r) => `${r.hops[i]!.p50Ms} / ${r.hops[i]!.p99Ms}`).join(" | ")} |`,
  ),
  "",
  backlog
    ? `Backlog: ${backlog.orders} orders placed by 32 callers as fast as answered, in ${backlog.placedInS.toFixed(1)} s (${backlog.failed} placeOrder failed); the saga settled the last ${(backlog.drainedInS - backlog.placedInS).toFixed(1)} s after placing ended, ${backlog.drainedInS.toFixed(1)} s after the first was sent (${backlog.confirmations.confirmed} confirmed; placed→confirmed p50 ${backlog.confirmations.p50Ms} ms, p99 ${backlog.confirmations.p99Ms} ms).`
    : "Backlog: not run.",
];
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, "saga-capacity.json"), `${JSON.stringify({ rates: results, backlog }, null, 2)}\n`);
writeFileSync(path.join(resultsDir, "saga-capacity.md"), `${lines.join("\n")}\n`);
console.log(`\n${lines.join("\n")}`);
