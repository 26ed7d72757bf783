// Subgraph fetch deduplication: identical query fetches in flight share one HTTP request, never
// across callers whose identity headers differ, never for mutations; each caller gets its own copy.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import { UndiciDataSource } from "../../src/datasource/undici-data-source.js";
import type { RouterContext } from "../../src/request/router-context.js";

let server: Server;
let url: string;
const received: string[] = [];
const pools = new SubgraphPools(8);

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push(body);
      // Slow enough that concurrent callers overlap.
      setTimeout(() => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ data: { product: { id: "p1", tags: ["a"] } } }));
      }, 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await pools.close();
  server.close();
});

const fetchOf = (query: string, user: string) =>
  ({
    request: { query, variables: { id: "p1" } },
    context: { subgraphHeaders: { "x-user-id": user } } as unknown as RouterContext,
  }) as unknown as GraphQLDataSourceProcessOptions<RouterContext>;

async function concurrently(source: UndiciDataSource, fetches: GraphQLDataSourceProcessOptions<RouterContext>[]) {
  received.length = 0;
  const answers = await Promise.all(fetches.map((fetch) => source.process(fetch)));
  return { answers, requests: received.length };
}

describe("subgraph fetch deduplication", () => {
  const query = "query ($id: ID!) { product(id: $id) { id tags } }";

  it("sends identical fetches of one caller once and gives each caller its own answer", async () => {
    const source = new UndiciDataSource({ name: "catalog", url, timeoutMs: 2000 }, pools);
    const { answers, requests } = await concurrently(source, [
      fetchOf(query, "u1"),
      fetchOf(query, "u1"),
      fetchOf(query, "u1"),
    ]);
    expect(requests).toBe(1);
    expect(answers[0]).toEqual({ data: { product: { id: "p1", tags: ["a"] } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[1]).not.toBe(answers[0]);
    const first = answers[0]?.data?.product as { tags: string[] };
    first.tags.push("mutated");
    expect(answers[1]?.data?.product).toEqual({ id: "p1", tags: ["a"] });
  });

  it("never shares between callers with different identities, nor for mutations, nor when off", async () => {
    const source = new UndiciDataSource({ name: "catalog", url, timeoutMs: 2000 }, pools);
    expect((await concurrently(source, [fetchOf(query, "u1"), fetchOf(query, "u2")])).requests).toBe(2);
    const mutation = "mutation ($id: ID!) { addToCart(id: $id) { id } }";
    expect((await concurrently(source, [fetchOf(mutation, "u1"), fetchOf(mutation, "u1")])).requests).toBe(2);
    const off = new UndiciDataSource({ name: "catalog", url, timeoutMs: 2000 }, pools, false);
    expect((await concurrently(off, [fetchOf(query, "u1"), fetchOf(query, "u1")])).requests).toBe(2);
  });

  it("fetches again once the shared fetch has finished", async () => {
    const source = new UndiciDataSource({ name: "catalog", url, timeoutMs: 2000 }, pools);
    received.length = 0;
    await source.process(fetchOf(query, "u1"));
    await source.process(fetchOf(query, "u1"));
    expect(received.length).toBe(2);
  });
});
