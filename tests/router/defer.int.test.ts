// @defer through the router: a client that reads multipart/mixed gets the primary part before a
// slow subgraph has answered the deferred one; a client that does not gets everything at once.
import { createLogger, type RunningSubgraph } from "@shopstream/kernel";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInto, makeSchemaDir } from "./support/compose-fixture.js";
import { post } from "./support/graphql-client.js";
import { postIncremental } from "./support/multipart-client.js";
import { identitySecret, productsSdl, reviewsSdl, startProducts, startReviews } from "./support/test-subgraphs.js";

const deferredReviews = `query Page {
  topProducts { id name ... @defer(label: "reviews") { reviews { body rating } } }
}`;
const logger = createLogger("router-test", "silent");

describe("@defer through the router", () => {
  let products: RunningSubgraph<object>;
  let reviews: RunningSubgraph<object>;
  let router: RunningRouter;
  // Reviews answer only once the test opens the gate.
  let openGate: () => void = () => {};
  let gate = Promise.resolve();
  const closeGate = () => {
    gate = new Promise((resolve) => (openGate = resolve));
  };

  beforeAll(async () => {
    [products, reviews] = await Promise.all([startProducts(), startReviews({ gate: () => gate })]);
    const supergraphPath = await composeInto(await makeSchemaDir(), [
      { name: "products", url: products.url, sdl: productsSdl() },
      { name: "reviews", url: reviews.url, sdl: reviewsSdl },
    ]);
    router = await startRouter({ supergraphPath, port: 0, identitySecret, watch: false, logger });
  });
  afterAll(async () => {
    openGate();
    await router?.close();
    await Promise.all([products?.close(), reviews?.close()]);
  });

  it("answers the primary part first and the deferred part once its subgraph answers", async () => {
    closeGate();
    const answer = await postIncremental(router.url, { query: deferredReviews });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^multipart\/mixed; boundary="-"; deferSpec=20220824/);
    // Read while reviews are still held: the router must not wait for them.
    const first = await answer.parts.next();
    expect(first.value).toEqual({
      data: {
        topProducts: [
          { id: "p1", name: "Trail shoe" },
          { id: "p2", name: "Rain shell" },
        ],
      },
      hasNext: true,
    });
    openGate();
    const rest = [];
    for await (const part of answer.parts) rest.push(part);
    expect(rest).toEqual([
      {
        incremental: [
          { data: { reviews: [{ body: "Great p1", rating: 5 }] }, path: ["topProducts", 0], label: "reviews" },
          { data: { reviews: [{ body: "Great p2", rating: 4 }] }, path: ["topProducts", 1], label: "reviews" },
        ],
        hasNext: false,
      },
    ]);
    const metrics = await (await fetch(new URL("/metrics", router.url))).text();
    expect(metrics).toMatch(/^router_deferred_payloads_total\{[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^router_incremental_chunk_seconds_count\{[^}]*chunk="last"[^}]*\} [1-9]/m);
  });

  it("nests deferred parts and delivers an inner one after the outer one", async () => {
    const answer = await postIncremental(router.url, {
      query: `{ product(id: "p2") { id ... @defer(label: "outer") { name ... @defer(label: "inner") { reviews { rating } } } } }`,
    });
    const parts = [];
    for await (const part of answer.parts) parts.push(part);
    expect(parts[0]).toEqual({ data: { product: { id: "p2" } }, hasNext: true });
    const items = parts.slice(1).flatMap((part) => part.incremental as unknown[]);
    expect(items).toEqual([
      { data: { name: "Rain shell" }, path: ["product"], label: "outer" },
      { data: { reviews: [{ rating: 4 }] }, path: ["product"], label: "inner" },
    ]);
    expect(parts.at(-1)?.hasNext).toBe(false);
  });

  it("follows @defer(if: $var): deferred when true, one JSON answer when false", async () => {
    const query = 'query Page($later: Boolean!) { product(id: "p1") { id ... @defer(if: $later) { name } } }';
    const deferred = await postIncremental(router.url, { query, variables: { later: true } });
    const parts = [];
    for await (const part of deferred.parts) parts.push(part);
    expect(parts).toEqual([
      { data: { product: { id: "p1" } }, hasNext: true },
      { incremental: [{ data: { name: "Trail shoe" }, path: ["product"] }], hasNext: false },
    ]);
    const now = await postIncremental(router.url, { query, variables: { later: false } });
    expect(now.contentType).toMatch(/^application\/json/);
  });

  it("answers at once, deferred fields included, a client that does not read multipart/mixed", async () => {
    const { status, body } = await post(router.url, { query: deferredReviews });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        topProducts: [
          { id: "p1", name: "Trail shoe", reviews: [{ body: "Great p1", rating: 5 }] },
          { id: "p2", name: "Rain shell", reviews: [{ body: "Great p2", rating: 4 }] },
        ],
      },
    });
  });

  it("reports a deferred part's subgraph error in that part, with the primary intact", async () => {
    await reviews.close(); // last test: reviews stays down
    const answer = await postIncremental(router.url, { query: deferredReviews });
    const parts = [];
    for await (const part of answer.parts) parts.push(part);
    expect(parts[0]?.data).toEqual({
      topProducts: [
        { id: "p1", name: "Trail shoe" },
        { id: "p2", name: "Rain shell" },
      ],
    });
    const items = parts.slice(1).flatMap((part) => part.incremental as Array<Record<string, unknown>>);
    expect(items.map((item) => item.data)).toEqual([{ reviews: null }, { reviews: null }]);
    const errors = items.flatMap((item) => (item.errors as Array<{ extensions: { code: string } }>) ?? []);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.extensions.code).toMatch(/^SUBGRAPH_/);
  });
});
