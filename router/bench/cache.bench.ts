// Benchmark: a product-page query (catalog + inventory + recommendations) through the router with
// the entity cache cold, warm, with the cache off, and through stock ApolloGateway, side by side.
// Real subgraphs (their test harnesses, in this process) over PostgreSQL; the router's Redis is a
// private redis-server so "cold" really is empty. Sequential passes give per-request latency cold
// vs warm; short autocannon runs (c=16, rotating over the products) give throughput.
// Env: BENCH_DURATION (s per load run, 5), BENCH_PRODUCTS (20). Records bench/results/cache.json.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stripSecurityDirectives } from "@shopstream/bench/support/supergraph";
import { createBrand, createCategory, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { startProductPageSubgraphs } from "@shopstream/e2e/support/product-page-subgraphs";
import { createLogger } from "@shopstream/kernel";
import { startTsx, stop, waitForHttp } from "@shopstream/testkit";
import autocannon from "autocannon";
import { composeSupergraph } from "../src/schema/compose-supergraph.js";
import { startRouter } from "../src/start-router.js";

const duration = Number(process.env.BENCH_DURATION ?? 5);
const productCount = Number(process.env.BENCH_PRODUCTS ?? 20);
const root = path.resolve(import.meta.dirname, "../..");
const logger = createLogger("cache-bench", "silent");
const query = `query ProductPage($id: ID!) {
  product(id: $id) { id name variants { id sku price { amount currency } availability } recommendations(first: 3) { id name } }
}`;

const { catalog, recommendations, inventory, inventoryServer, redis } = await startProductPageSubgraphs();
const urls = { catalog: catalog.url, inventory: inventoryServer.url, recommendations: recommendations.url };
const cleanups: Array<() => Promise<unknown>> = [];

try {
  const brand = await createBrand(catalog.prisma);
  const category = await createCategory(catalog.prisma);
  const ids: string[] = [];
  for (let i = 0; i < productCount; i++) {
    const product = await createProduct(catalog, {
      name: `Bench ${uniqueWord()}`,
      brandId: brand.id,
      categoryIds: [category.id],
      variants: [
        { size: "M", colour: "Blue", amount: 1_000 + i },
        { size: "L", colour: "Blue", amount: 1_100 + i },
      ],
    });
    for (const variant of product.variants) await inventory.receive(variant.id, "wh-ams", 20);
    ids.push(product.id);
  }
  const composed = await composeSupergraph(
    (["catalog", "inventory", "recommendations"] as const).map((name) => ({
      name,
      routingUrl: urls[name],
      schemaFile: path.join(root, `subgraphs/${name}/src/schema.graphql`),
    })),
    root,
  );
  if (!composed.ok) throw new Error(composed.problems.join("\n"));
  // Stock ApolloGateway refuses supergraphs linking @authenticated/@requiresScopes (SECURITY
  // features it cannot enforce): it gets the same supergraph with them stripped, as in the suite
  // (the product page selects no scoped field).
  const dir = await mkdtemp(path.join(os.tmpdir(), "cache-bench-"));
  const supergraphPath = path.join(dir, "supergraph.graphql");
  await writeFile(supergraphPath, stripSecurityDirectives(composed.supergraphSdl));

  const body = (id: string) => JSON.stringify({ query, variables: { id }, operationName: "ProductPage" });
  const post = async (url: string, id: string) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body(id),
    });
    const json = (await response.json()) as { data?: { product?: { id: string } }; errors?: unknown };
    if (json.data?.product?.id !== id) throw new Error(`bad answer from ${url}: ${JSON.stringify(json)}`);
    return performance.now() - started;
  };
  const sequential = async (url: string) => {
    const times: number[] = [];
    for (const id of ids) times.push(await post(url, id));
    times.sort((a, b) => a - b);
    const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(1));
    return { p50Ms: at(0.5), p99Ms: at(0.99) };
  };
  const load = async (url: string) => {
    let next = 0;
    const result = await autocannon({
      url,
      method: "POST",
      headers: { "content-type": "application/json" },
      connections: 16,
      duration,
      requests: [{ setupRequest: (request) => ({ ...request, body: body(ids[next++ % ids.length]!) }) }],
    });
    return {
      rps: Math.round(result.requests.average),
      loadP50Ms: result.latency.p50,
      loadP99Ms: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
    };
  };

  const common = {
    supergraphSdl: composed.supergraphSdl,
    port: 0,
    identitySecret: catalog.secret,
    logger,
    // development mode: production runs registered operations only (trusted documents)
  };
  const cached = await startRouter({ ...common, cache: { redisUrl: redis.url } });
  cleanups.push(() => cached.close());
  const cold = await sequential(cached.url); // every product seen for the first time
  const warm = await sequential(cached.url);
  const warmLoad = await load(cached.url);

  const uncached = await startRouter(common);
  cleanups.push(() => uncached.close());
  await sequential(uncached.url); // plans and connections warm, nothing cached
  const uncachedSequential = await sequential(uncached.url);
  const uncachedLoad = await load(uncached.url);

  const gatewayChild = startTsx("router/bench/support/stock-gateway.ts", {
    SUPERGRAPH_PATH: supergraphPath,
    PORT: "4292",
    WORKERS: "1",
    IDENTITY_HMAC_SECRET: catalog.secret,
    NODE_ENV: "production",
  });
  cleanups.push(() => stop(gatewayChild));
  const gatewayUrl = "http://127.0.0.1:4292/";
  await waitForHttp(gatewayUrl);
  await sequential(gatewayUrl);
  const gatewaySequential = await sequential(gatewayUrl);
  const gatewayLoad = await load(gatewayUrl);

  const rows = [
    { system: "router, cache cold", ...cold },
    { system: "router, cache warm", ...warm, ...warmLoad },
    { system: "router, cache off", ...uncachedSequential, ...uncachedLoad },
    { system: "stock ApolloGateway", ...gatewaySequential, ...gatewayLoad },
  ];
  console.log(
    `\nproduct page (catalog + inventory + recommendations), ${productCount} products, c=16, ${duration}s runs, ${os.cpus().length} cores`,
  );
  console.table(rows);
  const results = path.join(import.meta.dirname, "results");
  await mkdir(results, { recursive: true });
  await writeFile(
    path.join(results, "cache.json"),
    `${JSON.stringify({ date: new Date().toISOString(), duration, products: productCount, cores: os.cpus().length, rows }, null, 2)}\n`,
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await inventoryServer.stop();
  await Promise.all([catalog.close(), recommendations.close(), inventory.close(), redis.stop()]);
}
process.exit(0);
