// Router protection end to end, every case a real HTTP request: hostile and careless documents
// are refused with a 4xx or a coded GraphQL error and never reach the subgraph (it counts every
// request it gets), the router keeps serving, rate limits answer 429 + Retry-After per client,
// Redis down fails open, and production runs only registered documents.
import { createHash, randomInt } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLogger, type RunningSubgraph, startSubgraphServer } from "@shopstream/kernel";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { RateLimiter } from "@shopstream/router/src/protection/rate-limiter";
import { rateLimitUnavailableTotal, rejectionsTotal } from "@shopstream/router/src/protection/rejections";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInto, makeSchemaDir } from "../router/support/compose-fixture.js";

const logger = createLogger("protection-test", "silent");
const secret = "protection-tests-identity-secret";
const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query {
  hello: String!
  products(first: Int, last: Int): [Product!]!
}
type Mutation { touch: Boolean! }
type Product @key(fields: "id") { id: ID! name: String! }`;
// What the manifest stores for the registered file: graphql `print` of it (id = its sha256).
const registered = "query Hello {\n  hello\n}";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const uniqueIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

let subgraphRequests = 0;
let subgraph: RunningSubgraph<object>;
let dev: RunningRouter; // default limits, tiny rate limits (3 queries, 1 mutation per 6 s)
let loose: RunningRouter; // token/size limits raised, to show each shape limit on its own
let prod: RunningRouter; // production: trusted documents only
let redisDown: RunningRouter; // rate limiter pointed at a closed port
let slowRefill: RunningRouter; // 3 queries per 10 minutes: no token comes back during a test

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(url: string, init: RequestInit & { ip?: string } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", init.ip ?? uniqueIp());
  const response = await fetch(url, { ...init, headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

const post = (router: RunningRouter, body: unknown, ip?: string) =>
  send(router.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ip,
  });

beforeAll(async () => {
  subgraph = await startSubgraphServer({
    name: "shop",
    typeDefs: parse(sdl),
    port: 0,
    logger,
    identitySecret: secret,
    context: () => {
      subgraphRequests++;
      return {};
    },
    resolvers: {
      Query: {
        hello: () => "world",
        products: (_: unknown, { first }: { first?: number }) => [{ id: "p1", name: "Shoe" }].slice(0, first ?? 1),
      },
      Mutation: { touch: () => true },
    },
  });
  const supergraphPath = await composeInto(await makeSchemaDir(), [{ name: "shop", url: subgraph.url, sdl }]);
  const operations = await mkdtemp(path.join(os.tmpdir(), "trusted-documents-"));
  await mkdir(path.join(operations, "storefront"));
  await writeFile(
    path.join(operations, "storefront/hello.graphql"),
    "# the storefront's greeting\nquery Hello { hello }\n",
  );
  const common = { supergraphPath, port: 0, identitySecret: secret, logger, trustedProxies: ["127.0.0.1"] };
  [dev, loose, prod, redisDown, slowRefill] = await Promise.all([
    startRouter({
      ...common,
      protection: {
        // One token back every 2 s: four quick requests meet the limit even on a slow machine.
        rateLimit: {
          redisUrl: "redis://127.0.0.1:6379",
          queries: 3,
          mutations: 1,
          windowSeconds: 6,
          redisTimeoutMs: 2_000,
        },
      },
    }),
    startRouter({ ...common, protection: { limits: { maxTokens: 10_000_000, maxDocumentBytes: 10_000_000 } } }),
    startRouter({ ...common, mode: "production", protection: { trustedDocuments: { dir: operations } } }),
    startRouter({ ...common, protection: { rateLimit: { redisUrl: "redis://127.0.0.1:1", queries: 1 } } }),
    startRouter({
      ...common,
      protection: {
        rateLimit: { redisUrl: "redis://127.0.0.1:6379", queries: 3, windowSeconds: 600, redisTimeoutMs: 2_000 },
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev, loose, prod, redisDown, slowRefill].map((router) => router?.close()));
  await subgraph?.close();
});

const aliases = `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}: hello`).join(" ")} }`;
const aliases3000 = `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: hello`).join(" ")} }`;
const directives = `{ hello ${"@skip(if: false) ".repeat(10_000)}}`;
const operations5000 = Array.from({ length: 5_000 }, (_, i) => `query Q${i} { hello }`).join("\n");
const deepIntrospection = `{ __schema { types { fields { type { ${"ofType { ".repeat(35)}name${" }".repeat(35)} } } } } }`;
const cycle = "{ ...A } fragment A on Query { ...B } fragment B on Query { hello ...A }";

describe("hostile and careless documents", () => {
  // [label, body, code with default limits, code with token/size limits raised]
  const documents: Array<[string, unknown, string, string]> = [
    ["a 20,000-alias query", { query: aliases }, "DOCUMENT_TOO_LARGE", "MAX_ALIASES_EXCEEDED"],
    ["a 10,000-directive query", { query: directives }, "DOCUMENT_TOO_LARGE", "MAX_DIRECTIVES_EXCEEDED"],
    ["a 5,000-operation document", { query: operations5000 }, "DOCUMENT_TOO_LARGE", "OPERATION_RESOLUTION_FAILURE"],
    [
      "a 3,000-alias query (under the size limit)",
      { query: aliases3000 },
      "MAX_TOKENS_EXCEEDED",
      "MAX_ALIASES_EXCEEDED",
    ],
    ["a depth-40 introspection query", { query: deepIntrospection }, "MAX_DEPTH_EXCEEDED", "MAX_DEPTH_EXCEEDED"],
    ["a fragment cycle", { query: cycle }, "FRAGMENT_CYCLE", "FRAGMENT_CYCLE"],
    [
      "first: -5",
      { query: "{ products(first: -5) { id } }" },
      "INVALID_PAGINATION_ARGUMENT",
      "INVALID_PAGINATION_ARGUMENT",
    ],
    [
      "first: 1000000",
      { query: "{ products(first: 1000000) { id } }" },
      "INVALID_PAGINATION_ARGUMENT",
      "INVALID_PAGINATION_ARGUMENT",
    ],
    [
      "last: -1 in a variable",
      { query: "query($n: Int) { products(last: $n) { id } }", variables: { n: -1 } },
      "INVALID_PAGINATION_ARGUMENT",
      "INVALID_PAGINATION_ARGUMENT",
    ],
    [
      "an unknown operationName",
      { query: "query A { hello }", operationName: "B" },
      "OPERATION_RESOLUTION_FAILURE",
      "OPERATION_RESOLUTION_FAILURE",
    ],
    [
      "two operations without an operationName",
      { query: "query A { hello } query B { hello }" },
      "OPERATION_RESOLUTION_FAILURE",
      "OPERATION_RESOLUTION_FAILURE",
    ],
    ["a batch of 11 operations", Array(11).fill({ query: "{ hello }" }), "BATCH_TOO_LARGE", "BATCH_TOO_LARGE"],
    ["an empty batch", [], "BAD_REQUEST", "BAD_REQUEST"],
  ];

  it.each(documents)("%s is refused before any subgraph call", async (_label, body, code, looseCode) => {
    const before = subgraphRequests;
    const started = performance.now();
    const strict = await post(dev, body);
    expect(strict.status).toBeGreaterThanOrEqual(400);
    expect(strict.status).toBeLessThan(500);
    expect(strict.body.errors?.[0]?.extensions?.code).toBe(code);
    const relaxed = await post(loose, body);
    expect(relaxed.status).toBe(400);
    expect(relaxed.body.errors?.[0]?.extensions?.code).toBe(looseCode);
    expect(subgraphRequests).toBe(before);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("names the limit that was exceeded", async () => {
    const { body } = await post(loose, { query: aliases });
    expect(body.errors?.[0]?.extensions).toMatchObject({ limit: "maxAliases", max: 30, actual: 20_000 });
  });

  it("refuses a 20 MB body with 413", async () => {
    const before = subgraphRequests;
    const answer = await post(dev, { query: `{ hello } # ${"x".repeat(20 * 1024 * 1024)}` });
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(subgraphRequests).toBe(before);
  });

  it("refuses a mutation over GET and a text/plain POST (CSRF), but takes JSON or a preflight header", async () => {
    const before = subgraphRequests;
    const overGet = await send(`${dev.url}?${new URLSearchParams({ query: "mutation { touch }" })}`);
    expect(overGet.status).toBe(405);
    expect(overGet.body.errors?.[0]?.extensions?.code).toBe("METHOD_NOT_ALLOWED");
    const simple = await send(dev.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "mutation { touch }" }),
    });
    expect(simple.status).toBe(415);
    expect(simple.body.errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(subgraphRequests).toBe(before);
    const preflighted = await send(dev.url, {
      method: "POST",
      headers: { "content-type": "text/plain", "apollo-require-preflight": "true" },
      body: JSON.stringify({ query: "{ hello }" }),
    });
    expect(preflighted.body.data).toEqual({ hello: "world" });
  });

  it("keeps serving afterwards, and counted every rejection by reason", async () => {
    const served = await post(dev, { query: "{ hello products(first: 1) { name } }" });
    expect(served.status).toBe(200);
    expect(served.body.data).toEqual({ hello: "world", products: [{ name: "Shoe" }] });
    const reasons = new Set((await rejectionsTotal.get()).values.map((value) => value.labels.reason));
    for (const reason of [
      "document_too_large",
      "max_tokens_exceeded",
      "max_aliases_exceeded",
      "fragment_cycle",
      "payload_too_large",
      "unsupported_media_type",
      "batch_too_large",
    ])
      expect(reasons).toContain(reason);
  });
});

describe("batches", () => {
  it("answers each operation of a batch on its own, one failure spoiling nothing", async () => {
    const answer = await post(loose, [{ query: "{ hello }" }, { query: "{ nope }" }, { query: "mutation { touch }" }]);
    expect(answer.status).toBe(200);
    const [hello, invalid, touched] = answer.body as unknown as Answer["body"][];
    expect(hello).toEqual({ data: { hello: "world" } });
    expect(invalid?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(touched).toEqual({ data: { touch: true } });
  });

  it("counts every operation of a batch against the caller's rate limit", async () => {
    const client = uniqueIp();
    const twice = await post(slowRefill, [{ query: "{ hello }" }, { query: "{ hello }" }], client);
    expect((twice.body as unknown as Answer["body"][]).map((b) => b.data)).toEqual([
      { hello: "world" },
      { hello: "world" },
    ]);
    const mixed = await post(slowRefill, [{ query: "{ hello }" }, { query: "{ hello }" }], client); // 1 of 3 left
    expect(mixed.status).toBe(200);
    const codes = (mixed.body as unknown as Answer["body"][]).map((b) => b.errors?.[0]?.extensions?.code ?? "ok");
    expect(codes).toEqual(expect.arrayContaining(["ok", "RATE_LIMITED"]));
    const refused = await post(slowRefill, [{ query: "{ hello }" }, { query: "{ hello }" }], client);
    expect(refused.status).toBe(429); // every operation refused alike: the batch gets that status
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After over the budget, spares other clients, and serves again after the window", async () => {
    const [client, other] = [uniqueIp(), uniqueIp()];
    for (let i = 0; i < 3; i++) expect((await post(dev, { query: "{ hello }" }, client)).status).toBe(200);
    const limited = await post(dev, { query: "{ hello }" }, client);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect((await post(dev, { query: "{ hello }" }, other)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await post(dev, { query: "{ hello }" }, client)).body.data).toEqual({ hello: "world" });
  });

  it("gives mutations their own, smaller budget", async () => {
    const client = uniqueIp();
    expect((await post(dev, { query: "mutation { touch }" }, client)).body.data).toEqual({ touch: true });
    const limited = await post(dev, { query: "mutation { touch }" }, client);
    expect(limited.status).toBe(429);
    expect((await post(dev, { query: "{ hello }" }, client)).status).toBe(200);
  });

  it("keys signed-in callers by user id, not by address", async () => {
    const limiter = new RateLimiter(
      { redisUrl: "redis://127.0.0.1:6379", queries: 1, mutations: 1, windowSeconds: 60, redisTimeoutMs: 200 },
      logger,
    );
    try {
      await limiter.connected();
      const ip = uniqueIp();
      const user = (id: string) => ({ userId: `${id}-${ip}`, clientIp: ip, mutation: false });
      expect((await limiter.check(user("alice")))?.allowed).toBe(true);
      expect((await limiter.check(user("alice")))?.allowed).toBe(false);
      expect((await limiter.check(user("bob")))?.allowed).toBe(true);
      expect((await limiter.check({ userId: null, clientIp: ip, mutation: false }))?.allowed).toBe(true);
    } finally {
      await limiter.close();
    }
  });

  it("fails open when Redis is down: served, counted, no crash", async () => {
    const before = (await rateLimitUnavailableTotal.get()).values[0]?.value ?? 0;
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) {
      const answer = await post(redisDown, { query: "{ hello }" }, ip);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ hello: "world" });
    }
    expect((await rateLimitUnavailableTotal.get()).values[0]?.value ?? 0).toBeGreaterThanOrEqual(before + 3);
  });
});

describe("trusted documents", () => {
  const helloId = sha256(registered);

  it("in production refuses an unregistered document and runs a registered one by id", async () => {
    const before = subgraphRequests;
    const refused = await post(prod, { query: "{ products(first: 1) { id } }" });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(subgraphRequests).toBe(before);

    const byId = await post(prod, { documentId: helloId });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toEqual({ hello: "world" });
    const byApqHash = await post(prod, { extensions: { persistedQuery: { version: 1, sha256Hash: helloId } } });
    expect(byApqHash.body.data).toEqual({ hello: "world" });
    // The registered text itself runs too, whatever its whitespace.
    expect((await post(prod, { query: "query Hello{hello}" })).body.data).toEqual({ hello: "world" });
    const unknownId = await post(prod, { documentId: sha256("nope") });
    expect(unknownId.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("in production does not let APQ register new documents", async () => {
    const query = "{ products(first: 1) { name } }";
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const registering = await post(prod, { query, extensions: { persistedQuery } });
    expect(registering.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const byHash = await post(prod, { extensions: { persistedQuery } });
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("in development runs anything and speaks APQ (GET too)", async () => {
    const query = `{ hello products(first: ${randomInt(1, 50)}) { id } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const miss = await post(loose, { extensions: { persistedQuery } });
    expect(miss.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(miss.body.errors?.[0]?.message).toBe("PersistedQueryNotFound");
    const mismatch = await post(loose, { query: "{ hello }", extensions: { persistedQuery } });
    expect(mismatch.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    expect((await post(loose, { query, extensions: { persistedQuery } })).body.data?.hello).toBe("world");
    const viaGet = await send(
      `${loose.url}?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery }) })}`,
    );
    expect(viaGet.body.data?.hello).toBe("world");
  });
});
