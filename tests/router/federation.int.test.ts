// End to end through the router: an entity join across two subgraphs, and what a client sees
// when one subgraph is down or too slow (partial data plus an error with a code).
import { createLogger, type RunningSubgraph } from "@shopstream/kernel";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInto, makeSchemaDir } from "./support/compose-fixture.js";
import { get, post } from "./support/graphql-client.js";
import { identitySecret, productsSdl, reviewsSdl, startProducts, startReviews } from "./support/test-subgraphs.js";

const joinQuery = "query Top { topProducts { id name price reviews { body rating } } }";
const logger = createLogger("router-test", "silent");

describe("router federation", () => {
  let products: RunningSubgraph<object>;
  let reviews: RunningSubgraph<object>;
  let slowReviews: RunningSubgraph<object>;
  let router: RunningRouter;
  let supergraphPath: string;

  beforeAll(async () => {
    [products, reviews, slowReviews] = await Promise.all([
      startProducts(),
      startReviews(),
      startReviews({ delayMs: 5_000 }),
    ]);
    supergraphPath = await composeInto(await makeSchemaDir(), [
      { name: "products", url: products.url, sdl: productsSdl() },
      { name: "reviews", url: reviews.url, sdl: reviewsSdl },
    ]);
    router = await startRouter({ supergraphPath, port: 0, identitySecret, subgraphTimeouts: { reviews: 300 }, logger });
  });
  afterAll(async () => {
    await router?.close();
    await Promise.all([products?.close(), reviews?.close(), slowReviews?.close()]);
  });

  it("joins products and reviews by the Product key", async () => {
    const { status, body } = await post(router.url, { query: joinQuery, operationName: "Top" });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      topProducts: [
        { id: "p1", name: "Trail shoe", price: 120, reviews: [{ body: "Great p1", rating: 5 }] },
        { id: "p2", name: "Rain shell", price: 240, reviews: [{ body: "Great p2", rating: 4 }] },
      ],
    });
  });

  it("serves queries over GET with variables", async () => {
    const { status, body } = await get(router.url, {
      query: "query One($id: ID!) { product(id: $id) { name reviews { rating } } }",
      variables: JSON.stringify({ id: "p2" }),
    });
    expect(status).toBe(200);
    expect(body.data).toEqual({ product: { name: "Rain shell", reviews: [{ rating: 4 }] } });
  });

  it("returns partial data and a SUBGRAPH_TIMEOUT error when a subgraph exceeds its timeout", async () => {
    const slow = await startRouter({
      supergraphPath,
      port: 0,
      identitySecret,
      watch: false,
      subgraphUrls: { reviews: slowReviews.url },
      subgraphTimeouts: { reviews: 200 },
      logger,
    });
    try {
      const started = Date.now();
      const { status, body } = await post(slow.url, { query: joinQuery });
      expect(Date.now() - started).toBeLessThan(3_000); // cut at 200 ms, not the subgraph's 5 s
      expect(status).toBe(200);
      expect(body.data?.topProducts).toEqual([
        { id: "p1", name: "Trail shoe", price: 120, reviews: null },
        { id: "p2", name: "Rain shell", price: 240, reviews: null },
      ]);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_TIMEOUT", serviceName: "reviews" });
    } finally {
      await slow.close();
    }
  });

  it("returns partial data and a SUBGRAPH_UNAVAILABLE error when a subgraph is stopped", async () => {
    await reviews.close();
    const { status, body } = await post(router.url, { query: joinQuery });
    expect(status).toBe(200);
    expect(body.data?.topProducts).toEqual([
      { id: "p1", name: "Trail shoe", price: 120, reviews: null },
      { id: "p2", name: "Rain shell", price: 240, reviews: null },
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(/Subgraph "reviews" is unavailable/);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "reviews" });
  });
});
