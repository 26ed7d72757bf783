import { createBrand, createCategory, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { createLifecycle, createLogger, metricsRegistry } from "@shopstream/kernel";
import { waitFor } from "@shopstream/kernel/testing";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { startCountingProxy } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSubgraphs } from "./support/compose-subgraphs.js";
import { startProductPageSubgraphs } from "./support/product-page-subgraphs.js";

const logger = createLogger("cache-test", "silent");
const lifecycle = createLifecycle(logger);
const adminToken = "cache-admin-token-0123456789";
type Subgraphs = Awaited<ReturnType<typeof startProductPageSubgraphs>>;
let catalog: Subgraphs["catalog"];
let recommendations: Subgraphs["recommendations"];
let inventory: Subgraphs["inventory"];
let redis: Subgraphs["redis"];
let proxies: Record<"catalog" | "inventory" | "recommendations", Awaited<ReturnType<typeof startCountingProxy>>>;
let router: RunningRouter;

const productPage = `query ProductPage($id: ID!) {
  product(id: $id) {
    id name
    variants { id sku price { amount currency } availability }
    recommendations(first: 3) { id name }
  }
}`;

beforeAll(async () => {
  let inventoryServer: Subgraphs["inventoryServer"];
  ({ catalog, recommendations, inventory, redis, inventoryServer } = await startProductPageSubgraphs());
  lifecycle.add("inventory service", () => inventoryServer.stop());
  proxies = {
    catalog: await startCountingProxy(catalog.url),
    inventory: await startCountingProxy(inventoryServer.url),
    recommendations: await startCountingProxy(recommendations.url),
  };
  const supergraphSdl = await composeSubgraphs({
    catalog: proxies.catalog.url,
    inventory: proxies.inventory.url,
    recommendations: proxies.recommendations.url,
  });
  router = await startRouter({
    supergraphSdl,
    port: 0,
    identitySecret: catalog.secret,
    logger,
    cache: {
      redisUrl: redis.url,
      kafkaBrokers: catalog.env.KAFKA_BROKERS,
      topicPrefix: catalog.env.KAFKA_TOPIC_PREFIX,
      adminToken,
      redisTimeoutMs: 500,
    },
  });
  await router.cache!.ready;
}, 120_000);

afterAll(async () => {
  await router?.close();
  await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
  await lifecycle.shutdown("test done");
  await Promise.all([catalog?.close(), recommendations?.close(), inventory?.close(), redis?.stop()]);
});

async function viaRouter(query: string, variables: Record<string, unknown>) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const resetCounts = () => {
  for (const proxy of Object.values(proxies)) proxy.reset();
};
const totalFetches = () => Object.values(proxies).reduce((sum, proxy) => sum + proxy.count(), 0);

async function newProduct(amounts: number[]) {
  const brand = await createBrand(catalog.prisma);
  const category = await createCategory(catalog.prisma);
  const product = await createProduct(catalog, {
    name: `Cached ${uniqueWord()}`,
    brandId: brand.id,
    categoryIds: [category.id],
    variants: amounts.map((amount, i) => ({ size: ["S", "M", "L"][i % 3]!, colour: "Blue", amount })),
  });
  for (const variant of product.variants) await inventory.receive(variant.id, "wh-ams", 50);
  // The product's own creation and stock events invalidate its entries when they arrive; wait for
  // them so they cannot land in the middle of a test's measurement.
  const store = router.cache!.store;
  await waitFor(
    () =>
      store.lastInvalidated(`Product:${product.id}`) &&
      product.variants.every((variant) => store.lastInvalidated(`Variant:${variant.id}#availability`)),
    { what: "the new product's events to reach the router" },
  );
  return product;
}

async function counter(name: string): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).reduce((sum, value) => sum + Number(value.value), 0);
}

/** Polls through the router until `fresh` holds; returns the milliseconds it took. */
async function msUntil(fresh: () => Promise<boolean>, timeoutMs = 20_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await fresh()) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error("the router kept serving stale data");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe("router entity cache", () => {
  it("answers a repeated product page without any subgraph fetch for cached entities", async () => {
    const product = await newProduct([4_500, 4_900]);
    resetCounts();
    const first = await viaRouter(productPage, { id: product.id });
    expect(first.errors, JSON.stringify(first)).toBeUndefined();
    expect(first.data.product.variants.map((v: { availability: string }) => v.availability)).toEqual([
      "IN_STOCK",
      "IN_STOCK",
    ]);
    const firstFetches = totalFetches();
    expect(proxies.catalog.count("root")).toBe(1);
    expect(proxies.inventory.count("entities")).toBe(1);
    expect(proxies.recommendations.count("entities")).toBe(1);

    resetCounts();
    const second = await viaRouter(productPage, { id: product.id });
    expect(second).toEqual(first);
    expect(totalFetches()).toBe(0);
    console.log(`[cache] product page: ${firstFetches} subgraph fetches cold, ${totalFetches()} warm`);
  });

  it("splits an _entities fetch: only uncached variants go to the subgraph", async () => {
    const a = await newProduct([1_000, 1_100]);
    const b = await newProduct([2_000, 2_100, 2_200]);
    await viaRouter(productPage, { id: a.id }); // caches a's variants' availability
    resetCounts();
    const query = `query Two($a: ID!, $b: ID!) { a: product(id: $a) { variants { availability } } b: product(id: $b) { variants { availability } } }`;
    const result = await viaRouter(query, { a: a.id, b: b.id });
    expect(result.errors).toBeUndefined();
    // a's two variants come from the cache (same selection as the product page's availability
    // fetch, whatever the client operation's name); only b's three are asked for.
    const asked = proxies.inventory.requests.reduce((sum, request) => sum + request.representations, 0);
    expect(asked).toBe(3);
    resetCounts();
    await viaRouter(query, { a: a.id, b: b.id });
    expect(proxies.inventory.count()).toBe(0);
  });

  it("serves a new availability after a stock movement (inventory.stock.changed)", async () => {
    const product = await newProduct([3_000]);
    const variantId = product.variants[0]!.id;
    const before = await viaRouter(productPage, { id: product.id });
    expect(before.data.product.variants[0].availability).toBe("IN_STOCK");
    const moved = await inventory.services.stock.adjust({
      variantId,
      warehouseId: "wh-ams",
      delta: -50,
      reason: "cache test: count correction",
    });
    expect(moved.userErrors).toEqual([]);
    await msUntil(async () => {
      const now = await viaRouter(productPage, { id: product.id });
      return now.data.product.variants[0].availability === "OUT_OF_STOCK";
    });
  });

  it("serves a new price within a bounded lag after setVariantPrice (200 changes, p50/p99)", async () => {
    const product = await newProduct([10_000]);
    const variantId = product.variants[0]!.id;
    const query = `query Price($id: ID!) { product(id: $id) { variants { id price { amount } } } }`;
    const priceOf = async () => (await viaRouter(query, { id: product.id })).data.product.variants[0].price.amount;
    const lags: number[] = [];
    for (let i = 1; i <= 200; i++) {
      await priceOf(); // the old price is cached before every change
      const amount = 10_000 + i;
      // The router's JWT auth is another engineer's work: the admin mutation goes to catalog directly.
      const changed = await catalog.gql(
        `mutation ($input: SetVariantPriceInput!) { setVariantPrice(input: $input) { userErrors { code } } }`,
        { input: { variantId, price: { amount, currency: "EUR" } } },
      );
      expect(changed.data?.setVariantPrice.userErrors).toEqual([]);
      lags.push(await msUntil(async () => (await priceOf()) === amount));
    }
    lags.sort((x, y) => x - y);
    const p50 = lags[Math.floor(lags.length * 0.5)]!;
    const p99 = lags[Math.floor(lags.length * 0.99)]!;
    const figures = {
      changes: lags.length,
      p50Ms: Math.round(p50),
      p99Ms: Math.round(p99),
      maxMs: Math.round(lags.at(-1)!),
    };
    // Reported, not asserted (speed belongs in benchmarks). The bound that IS asserted: every change
    // was served within msUntil's deadline, far below the 60 s Product TTL, so the invalidation
    // (not expiry) refreshed it.
    console.log(`[cache] commit→fresh lag: ${JSON.stringify(figures)}`);
    expect(lags).toHaveLength(200);
  }, 180_000);

  it("purges by type and key through the authenticated admin endpoint", async () => {
    const product = await newProduct([5_000]);
    await viaRouter(productPage, { id: product.id });
    const purge = (authorization: string) =>
      fetch(router.url.replace("/graphql", "/admin/cache/purge"), {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ typename: "Product", keys: [product.id] }),
      });
    expect((await purge("Bearer wrong-token-000000000000")).status).toBe(401);
    resetCounts();
    await viaRouter(productPage, { id: product.id });
    expect(proxies.catalog.count("root")).toBe(0);
    const purged = await purge(`Bearer ${adminToken}`);
    expect(purged.status).toBe(200);
    resetCounts();
    await viaRouter(productPage, { id: product.id });
    expect(proxies.catalog.count("root")).toBe(1);
  });

  it("shares one execution between identical anonymous queries in flight", async () => {
    const product = await newProduct([6_000]);
    const shared = await counter("router_dedup_shared_total");
    resetCounts();
    const answers = await Promise.all(Array.from({ length: 20 }, () => viaRouter(productPage, { id: product.id })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(proxies.catalog.count("root")).toBeLessThan(20);
    expect((await counter("router_dedup_shared_total")) - shared + proxies.catalog.count("root")).toBeGreaterThan(1);
  });

  it("keeps answering (uncached) when Redis stops mid-test", async () => {
    const product = await newProduct([7_000]);
    expect((await viaRouter(productPage, { id: product.id })).errors).toBeUndefined();
    const errorsBefore = await counter("router_cache_errors_total");
    await redis.stop();
    const other = await newProduct([7_100]);
    for (const id of [product.id, other.id, other.id]) {
      const answer = await viaRouter(productPage, { id });
      expect(answer.errors, JSON.stringify(answer)).toBeUndefined();
      expect(answer.data.product.id).toBe(id);
    }
    expect(await counter("router_cache_errors_total")).toBeGreaterThan(errorsBefore);
  });
});
