// Benchmark: our router (with its own executor, and with @apollo/gateway's executeQueryPlan) vs
// stock ApolloGateway + ApolloServer, same worker count, same cheap subgraphs, a two-subgraph
// query at concurrency 64, side by side in one run. Prints RPS, p99 and CPU seconds per system and
// the RPS ratio; records the figures in bench/results/.
// Env: BENCH_DURATION (s, 15), BENCH_WORKERS (1), BENCH_CONNECTIONS (64), BENCH_REQUEST_DEDUP (true).
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cpuSeconds, readyMessage, startTsx, stop, waitForHttp } from "@shopstream/testkit";
import autocannon from "autocannon";

const duration = Number(process.env.BENCH_DURATION ?? 15);
const workers = Number(process.env.BENCH_WORKERS ?? 1);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const secret = "bench-identity-secret-0123456789";
const body = JSON.stringify({
  query: "query Top { topProducts(first: 10) { id name price reviews { id rating body } } }",
  operationName: "Top",
});

interface Figures {
  system: string;
  rps: number;
  p99Ms: number;
  p50Ms: number;
  errors: number;
  cpuSeconds: number;
  /** Requests served per CPU-second of the gateway process (with workers: of its main process). */
  requestsPerCpuSecond: number;
}

async function load(url: string, seconds: number) {
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections,
    duration: seconds,
  });
}

async function measure(system: string, script: string, env: Record<string, string>, url: string): Promise<Figures> {
  const child = startTsx(script, env);
  try {
    await waitForHttp(url);
    const check = (await (
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })
    ).json()) as {
      data?: { topProducts?: Array<{ reviews: unknown[] }> };
    };
    if (check.data?.topProducts?.[0]?.reviews.length !== 2)
      throw new Error(`${system} answered ${JSON.stringify(check)}`);
    await load(url, 3); // warm-up: JIT, plan caches, connection pools
    const cpuBefore = cpuSeconds(child.pid!);
    const result = await load(url, duration);
    const cpu = cpuSeconds(child.pid!) - cpuBefore;
    return {
      system,
      rps: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      cpuSeconds: Number(cpu.toFixed(1)),
      requestsPerCpuSecond: Math.round(result.requests.total / Math.max(cpu, 0.01)),
    };
  } finally {
    await stop(child);
  }
}

const subgraphs = startTsx("router/bench/support/bench-subgraphs.ts");
try {
  const { supergraphSdl } = await readyMessage<{ supergraphSdl: string }>(subgraphs);
  const supergraphPath = path.join(await mkdtemp(path.join(os.tmpdir(), "router-bench-")), "supergraph.graphql");
  await writeFile(supergraphPath, supergraphSdl);
  const common = {
    SUPERGRAPH_PATH: supergraphPath,
    IDENTITY_HMAC_SECRET: secret,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    // Like for like: the stock gateway has no safelist and no rate limit.
    ALLOW_ARBITRARY_OPERATIONS: "true",
    RATE_LIMIT_ENABLED: "false",
    ROUTER_CACHE: "off", // pipeline against pipeline; router/bench/cache.bench.ts measures the cache
    // Identical requests in flight share one execution unless BENCH_REQUEST_DEDUP=false (every request executed).
    ROUTER_REQUEST_DEDUP: process.env.BENCH_REQUEST_DEDUP ?? "true",
  };

  // Ports outside the fetch spec's blocked list (4190 is "sieve" and fetch refuses it).
  const gateway = await measure(
    "stock ApolloGateway + ApolloServer",
    "router/bench/support/stock-gateway.ts",
    { ...common, PORT: "4290", WORKERS: String(workers) },
    "http://127.0.0.1:4290/",
  );
  const routerWithGatewayExecutor = await measure(
    "shopstream router, ROUTER_EXECUTOR=apollo",
    "router/src/server.ts",
    { ...common, PORT: "4291", ROUTER_WORKERS: String(workers), ROUTER_EXECUTOR: "apollo" },
    "http://127.0.0.1:4291/graphql",
  );
  const router = await measure(
    "shopstream router",
    "router/src/server.ts",
    {
      ...common,
      PORT: "4291",
      ROUTER_WORKERS: String(workers),
      ROUTER_EXECUTOR: "shopstream",
      ROUTER_FETCH_DEDUP: "true",
    },
    "http://127.0.0.1:4291/graphql",
  );

  const ratio = Number((router.rps / gateway.rps).toFixed(2));
  console.log(
    `\nrouter vs gateway: ${workers} worker(s) each, c=${connections}, ${duration}s, two-subgraph query, ${os.cpus().length} cores`,
  );
  console.table([gateway, routerWithGatewayExecutor, router]);
  console.log(`RPS ratio router/gateway: ${ratio} (bar: >= 1.0); p99 ${router.p99Ms} ms vs ${gateway.p99Ms} ms`);

  const results = path.join(import.meta.dirname, "results");
  await mkdir(results, { recursive: true });
  const record = {
    date: new Date().toISOString(),
    workers,
    connections,
    duration,
    cores: os.cpus().length,
    gateway,
    routerWithGatewayExecutor,
    router,
    ratio,
    requestDedup: process.env.BENCH_REQUEST_DEDUP ?? "true",
  };
  const name = record.requestDedup === "false" ? "router-vs-gateway-no-request-dedup" : "router-vs-gateway";
  await writeFile(path.join(results, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  if (ratio < 1) process.exitCode = 1;
} finally {
  await stop(subgraphs);
}
