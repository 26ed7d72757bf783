// Hot reload: a recomposed supergraph file is served without restarting the router, and a
// request already in flight finishes on the schema version it started with.
import { writeFile } from "node:fs/promises";
import { createLogger, type RunningSubgraph } from "@shopstream/kernel";
import { waitFor } from "@shopstream/kernel/testing";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInto, makeSchemaDir } from "./support/compose-fixture.js";
import { post } from "./support/graphql-client.js";
import {
  identitySecret,
  productsSdl,
  reviewsSdl,
  slowProductsCalls,
  startProducts,
  startReviews,
} from "./support/test-subgraphs.js";

describe("router hot reload", () => {
  const started: RunningSubgraph<object>[] = [];
  let router: RunningRouter;
  let schemaDir: string;
  let reviewsUrl: string;

  beforeAll(async () => {
    const [products, reviews] = await Promise.all([startProducts(), startReviews()]);
    started.push(products, reviews);
    reviewsUrl = reviews.url;
    schemaDir = await makeSchemaDir();
    const supergraphPath = await composeInto(schemaDir, [
      { name: "products", url: products.url, sdl: productsSdl() },
      { name: "reviews", url: reviewsUrl, sdl: reviewsSdl },
    ]);
    router = await startRouter({
      supergraphPath,
      port: 0,
      identitySecret,
      logger: createLogger("router-test", "silent"),
    });
  });
  afterAll(async () => {
    await router?.close();
    await Promise.all(started.map((subgraph) => subgraph.close()));
  });

  it("serves a field added to a subgraph once the supergraph is recomposed", async () => {
    const query = { query: '{ product(id: "p1") { name tagline } }' };
    const before = await post(router.url, query);
    expect(before.status).toBe(400);
    expect(before.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");

    // Deploy products v2 (with `tagline`) and recompose: the router only sees the file change.
    const productsV2 = await startProducts({ tagline: true });
    started.push(productsV2);
    const schemaBefore = router.schemaId();
    await composeInto(schemaDir, [
      { name: "products", url: productsV2.url, sdl: productsSdl({ tagline: true }) },
      { name: "reviews", url: reviewsUrl, sdl: reviewsSdl },
    ]);
    await waitFor(() => router.schemaId() !== schemaBefore, { what: "router to reload the supergraph" });

    const after = await post(router.url, query);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ data: { product: { name: "Trail shoe", tagline: "Grip for wet rock" } } });
  });

  it("finishes an in-flight request on the schema it started with", async () => {
    const slowQuery = { query: "{ slowProducts(delayMs: 600) { id reviews { rating } } }" };
    const products = started.at(-1)!;
    const startedBefore = slowProductsCalls.started;
    const inFlight = post(router.url, slowQuery);
    await waitFor(() => slowProductsCalls.started > startedBefore, { what: "the request to wait on products" });

    // The next version drops `slowProducts` and points reviews at a dead port.
    const schemaBefore = router.schemaId();
    await composeInto(schemaDir, [
      { name: "products", url: products.url, sdl: productsSdl({ tagline: true, slow: false }) },
      { name: "reviews", url: "http://127.0.0.1:9/graphql", sdl: reviewsSdl },
    ]);
    await waitFor(() => router.schemaId() !== schemaBefore, { what: "router to reload the supergraph" });

    const rejected = await post(router.url, slowQuery);
    expect(rejected.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // The old request's reviews fetch still goes to the old routing URL, so it completes in full.
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body).toEqual({
      data: {
        slowProducts: [
          { id: "p1", reviews: [{ rating: 5 }] },
          { id: "p2", reviews: [{ rating: 4 }] },
        ],
      },
    });
  });

  it("keeps serving the current schema when the new file is not a valid supergraph", async () => {
    const schemaBefore = router.schemaId();
    await writeFile(`${schemaDir}/supergraph.graphql`, "this is not a supergraph");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await router.reload()).toBe(false); // applying it by hand is refused too
    expect(router.schemaId()).toBe(schemaBefore);
    const { body } = await post(router.url, { query: "{ topProducts { name } }" });
    expect(body.data).toEqual({ topProducts: [{ name: "Trail shoe" }, { name: "Rain shell" }] });
  });
});
