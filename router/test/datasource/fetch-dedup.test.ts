// Subgraph fetch deduplication: identical query fetches in flight share one HTTP request, also
// across client requests of one caller, never across callers who differ, never for mutations, and
// never from before a caller's own write; each caller gets its own copy.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InFlightFetches } from "../../src/datasource/in-flight-fetches.js";
import { SubgraphPools } from "../../src/datasource/subgraph-pools.js";
import { type SubgraphAnswer, UndiciDataSource } from "../../src/datasource/undici-data-source.js";
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

let requestCount = 0;
/** One fetch as an executor makes it: every client request signs its headers anew (new request id). */
const fetchOf = (query: string, userId: string | null, forwardedFor?: string) =>
  ({
    request: { query, variables: { id: "p1" } },
    context: {
      identity: { userId, sessionId: userId && `s-${userId}`, scopes: [] },
      subgraphHeaders: {
        "x-request-id": `r${++requestCount}`,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
    } as unknown as RouterContext,
  }) as unknown as GraphQLDataSourceProcessOptions<RouterContext>;

const sourceFor = (inFlight: InFlightFetches<SubgraphAnswer> | undefined, name = "catalog") =>
  new UndiciDataSource({ name, url, timeoutMs: 2000 }, pools, inFlight);

async function concurrently(fetches: Array<[UndiciDataSource, GraphQLDataSourceProcessOptions<RouterContext>]>) {
  received.length = 0;
  const answers = await Promise.all(fetches.map(([source, fetch]) => source.process(fetch)));
  return { answers, requests: received.length };
}

describe("subgraph fetch deduplication", () => {
  const query = "query ($id: ID!) { product(id: $id) { id tags } }";
  const mutation = "mutation ($id: ID!) { addToCart(id: $id) { id } }";

  it("sends identical fetches of one caller once, across client requests, and gives each its own answer", async () => {
    const source = sourceFor(new InFlightFetches());
    const { answers, requests } = await concurrently([
      [source, fetchOf(query, "u1")],
      [source, fetchOf(query, "u1")],
      [source, fetchOf(query, "u1")],
    ]);
    expect(requests).toBe(1);
    expect(answers[0]).toEqual({ data: { product: { id: "p1", tags: ["a"] } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[1]).not.toBe(answers[0]);
    const first = answers[0]?.data?.product as { tags: string[] };
    first.tags.push("mutated");
    expect(answers[1]?.data?.product).toEqual({ id: "p1", tags: ["a"] });
  });

  it("never shares between identities, forwarded addresses or subgraphs, nor for mutations, nor when off", async () => {
    const inFlight = new InFlightFetches<SubgraphAnswer>();
    const source = sourceFor(inFlight);
    const pairs = [
      [fetchOf(query, "u1"), fetchOf(query, "u2")],
      [fetchOf(query, null), fetchOf(query, "u1")],
      [fetchOf(query, null, "10.0.0.1"), fetchOf(query, null, "10.0.0.2")],
      [fetchOf(mutation, "u1"), fetchOf(mutation, "u1")],
    ];
    for (const [a, b] of pairs)
      expect(
        (
          await concurrently([
            [source, a!],
            [source, b!],
          ])
        ).requests,
      ).toBe(2);
    const other = sourceFor(inFlight, "inventory");
    expect(
      (
        await concurrently([
          [source, fetchOf(query, "u1")],
          [other, fetchOf(query, "u1")],
        ])
      ).requests,
    ).toBe(2);
    const off = sourceFor(undefined);
    expect(
      (
        await concurrently([
          [off, fetchOf(query, "u1")],
          [off, fetchOf(query, "u1")],
        ])
      ).requests,
    ).toBe(2);
    expect(inFlight.size).toBe(0);
  });

  it("a caller's mutation cuts it off from its reads in flight, and nobody else's", async () => {
    const inFlight = new InFlightFetches<SubgraphAnswer>();
    const catalog = sourceFor(inFlight);
    const orders = sourceFor(inFlight, "orders");
    received.length = 0;
    const before = catalog.process(fetchOf(query, "u1"));
    const otherCaller = catalog.process(fetchOf(query, "u2"));
    const write = orders.process(fetchOf(mutation, "u1")); // a write to another subgraph counts too
    await new Promise((resolve) => setImmediate(resolve)); // the write is on its way, the reads not back
    const after = catalog.process(fetchOf(query, "u1")); // must not take the answer read before the write
    const otherAfter = catalog.process(fetchOf(query, "u2")); // u2 did not write: shares its read
    const answers = await Promise.all([before, otherCaller, after, otherAfter, write]);
    expect(received.length).toBe(4); // u1 read, u2 read, u1 mutation, u1 read again
    for (const answer of [answers[0], answers[2]])
      expect(answer).toEqual({ data: { product: { id: "p1", tags: ["a"] } } });
    expect(inFlight.size).toBe(0);
  });

  it("fetches again once the shared fetch has finished", async () => {
    const source = sourceFor(new InFlightFetches());
    received.length = 0;
    await source.process(fetchOf(query, "u1"));
    await source.process(fetchOf(query, "u1"));
    expect(received.length).toBe(2);
  });
});
