// End to end: orders confirmed on Kafka teach the recommendations subgraph; a query through the
// router returns the recommended products with their full data from the catalog subgraph (the
// recommendations subgraph only knows product ids).
import path from "node:path";
import { createBrand, createCategory, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { createLogger } from "@shopstream/kernel";
import { startHarness as startRecommendations } from "@shopstream/recommendations/testing/harness";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSubgraphs } from "./support/compose-subgraphs.js";

const _root = path.resolve(import.meta.dirname, "../..");
let catalog: Awaited<ReturnType<typeof startCatalog>>;
let recommendations: Awaited<ReturnType<typeof startRecommendations>>;
let router: RunningRouter;

beforeAll(async () => {
  [catalog, recommendations] = await Promise.all([startCatalog(), startRecommendations()]);
  const supergraphSdl = await composeSubgraphs({ catalog: catalog.url, recommendations: recommendations.url });
  router = await startRouter({
    supergraphSdl,
    port: 0,
    identitySecret: catalog.secret,
    logger: createLogger("router-test", "silent"),
  });
});
afterAll(async () => {
  await router?.close();
  await Promise.all([catalog?.close(), recommendations?.close()]);
});

async function viaRouter(query: string, variables: Record<string, unknown>) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  return { status: response.status, ...body };
}

describe("recommendations through the router", () => {
  it("returns co-purchased products with their catalog data, and trending ones", async () => {
    const brand = await createBrand(catalog.prisma);
    const category = await createCategory(catalog.prisma);
    const make = (label: string, amount: number) =>
      createProduct(catalog, {
        name: `${label} ${uniqueWord()}`,
        brandId: brand.id,
        categoryIds: [category.id],
        variants: [{ size: "M", colour: "Blue", amount }],
      });
    const [a, b, c] = [await make("Anorak", 12_000), await make("Beanie", 2_500), await make("Cap", 1_900)];
    await recommendations.confirmOrders([
      ...[1, 2, 3].map(() => ({ userId: null, lines: [[a.id, 1] as [string, number], [b.id, 1] as [string, number]] })),
      {
        userId: null,
        lines: [
          [a.id, 1],
          [c.id, 1],
        ],
      },
    ]);

    const response = await viaRouter(
      `query ($id: ID!) {
        product(id: $id) {
          name
          recommendations(first: 2) { id name slug variants { sku price { amount currency } } }
        }
        trending(first: 3) { id name }
      }`,
      { id: a.id },
    );
    const { data, errors } = response;
    expect(errors, JSON.stringify(response)).toBeUndefined();
    expect(data.product.name).toBe(a.name);
    expect(data.product.recommendations).toEqual([
      {
        id: b.id,
        name: b.name,
        slug: b.slug,
        variants: [{ sku: b.variants[0]!.sku, price: { amount: 2_500, currency: "EUR" } }],
      },
      {
        id: c.id,
        name: c.name,
        slug: c.slug,
        variants: [{ sku: c.variants[0]!.sku, price: { amount: 1_900, currency: "EUR" } }],
      },
    ]);
    // A sold 4, B 3, C 1 in this run's (pinned) trending window.
    expect(data.trending).toEqual([
      { id: a.id, name: a.name },
      { id: b.id, name: b.name },
      { id: c.id, name: c.name },
    ]);
  });
});
