// Observability end to end: one trace across the router and two subgraphs, the Prometheus series
// the dashboards rely on, secret-free logs of a sign-in, and /ready following Redis.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { createBrand, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { type Harness, startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { identityService } from "@shopstream/identity";
import { uniqueEmail } from "@shopstream/identity/testing/identity-fixture";
import { SIGN_IN, SIGN_UP } from "@shopstream/identity/testing/operations";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventoryFixture } from "@shopstream/inventory/testing/fixture";
import {
  createLogger,
  createRedis,
  initTracing,
  type RunningServiceOf,
  signIdentityHeaders,
  startService,
} from "@shopstream/kernel";
import { InMemorySpanExporter, SimpleSpanProcessor, waitFor } from "@shopstream/kernel/testing";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { freePort, startTestService } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSubgraphs } from "./support/compose-subgraphs.js";

const _root = path.resolve(import.meta.dirname, "../..");
const exporter = new InMemorySpanExporter();
const silent = createLogger("observability-test", "silent");

let catalog: Harness;
let inventory: Awaited<ReturnType<typeof createInventoryFixture>>;
let inventoryServer: RunningServiceOf<typeof inventoryService>;
let router: RunningRouter;

beforeAll(async () => {
  // Must come first: the first initTracing in a process wins, and the servers below call it too.
  initTracing("e2e", { processors: [new SimpleSpanProcessor(exporter)] });
  catalog = await startCatalog();
  inventory = await createInventoryFixture();
  inventoryServer = await startTestService(inventoryService);
  const supergraphSdl = await composeSubgraphs({ catalog: catalog.url, inventory: inventoryServer.url });
  router = await startRouter({
    supergraphSdl,
    port: 0,
    identitySecret: catalog.secret,
    logger: silent,
  });
});

afterAll(async () => {
  await router?.close();
  await inventoryServer?.stop();
  await inventory?.close();
  await catalog?.close();
});

describe("tracing", () => {
  it("puts the router and both subgraphs of one storefront query under one trace id", async () => {
    const brand = await createBrand(catalog.prisma);
    const product = await createProduct(catalog, {
      name: `Trace Jacket ${uniqueWord()}`,
      brandId: brand.id,
      variants: [{ size: "M", colour: "Olive", amount: 8900 }],
    });
    await inventory.receive(product.variants[0]!.id, "wh-ber", 20);
    exporter.reset();
    const response = await fetch(router.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        operationName: "ProductPage",
        query: "query ProductPage($id: ID!) { product(id: $id) { name variants { sku availability } } }",
        variables: { id: product.id },
      }),
    });
    const body = (await response.json()) as { data: { product: { variants: Array<{ availability: string }> } } };
    expect(body.data.product.variants[0]?.availability).toBe("IN_STOCK");

    const spans = await waitFor(
      () => {
        const finished = exporter.getFinishedSpans();
        return finished.some((s) => s.name.startsWith("router ")) &&
          finished.some((s) => s.name.startsWith("inventory "))
          ? finished
          : null;
      },
      { what: "router and subgraph spans" },
    );
    const routerSpan = spans.find((s) => s.name === "router POST /graphql")!;
    const traceId = routerSpan.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);
    expect(inTrace).toEqual(
      expect.arrayContaining(["fetch catalog", "fetch inventory", "catalog POST /graphql", "inventory POST /graphql"]),
    );
    expect(inTrace.some((name) => name.startsWith("prisma "))).toBe(true);
  });
});

describe("metrics", () => {
  it("exposes the golden-signal series on /metrics", async () => {
    const text = await (await fetch(router.url.replace(/\/graphql$/, "/metrics"))).text();
    for (const series of [
      "router_request_duration_seconds_bucket",
      "router_subgraph_fetch_duration_seconds_bucket",
      "graphql_request_duration_seconds_bucket",
      "graphql_errors_total",
      "outbox_backlog",
      "outbox_events_published_total",
      "events_consumed_total",
      "kafka_consumer_lag",
      "dlq_messages_total",
      "circuit_breaker_state",
      "process_resident_memory_bytes",
    ]) {
      expect(text, series).toContain(series);
    }
    expect(text).toMatch(/router_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="inventory"[^}]*\} [1-9]/);
  });
});

describe("logs and readiness of the identity service", () => {
  let redisProcess: ChildProcess | undefined;
  let redisPort: number;
  const lines: string[] = [];
  let identity: RunningServiceOf<typeof identityService>;
  let closeIdentity: () => Promise<void>;

  const startRedis = () => {
    redisProcess = spawn(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
  };
  const ready = async () => (await fetch(identity.baseUrl + "/ready")).status;

  beforeAll(async () => {
    redisPort = await freePort();
    startRedis();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const sink = new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    const probe = createRedis({ REDIS_URL: redisUrl });
    await waitFor(async () => (await probe.ping().catch(() => null)) === "PONG", { what: "private redis" });
    probe.disconnect();
    identity = await startService(identityService, {
      env: { PORT: "0", REDIS_URL: redisUrl },
      logger: createLogger("identity", "debug", sink),
    });
    closeIdentity = () => identity.stop("test done");
  });

  afterAll(async () => {
    await closeIdentity?.();
    redisProcess?.kill("SIGKILL");
  });

  async function gql(query: string, variables: Record<string, unknown>) {
    const response = await fetch(identity.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signIdentityHeaders({ userId: null, sessionId: null, scopes: [] }, identity.env.IDENTITY_HMAC_SECRET),
      },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
    return (await response.json()) as any;
  }

  it("never writes the password or any token of a sign-in to the logs", async () => {
    const email = uniqueEmail("logs");
    const password = `Correct-Horse-${uniqueWord()}-9`;
    await gql(SIGN_UP, { input: { email, name: "Log Test", password } });
    const signedIn = await gql(SIGN_IN, { input: { email, password } });
    const { accessToken, refreshToken } = signedIn.data.signIn.session;
    expect(accessToken).toBeTruthy();
    const log = lines.join("");
    expect(log).toContain('"msg":"graphql request"'); // the requests were logged, variables included
    expect(log).toContain(email);
    expect(log).not.toContain(password);
    expect(log).not.toContain(accessToken);
    expect(log).not.toContain(refreshToken);
  });

  it("turns /ready false when Redis stops and true again when it is back", async () => {
    expect(await ready()).toBe(200);
    redisProcess?.kill("SIGKILL");
    await waitFor(async () => (await ready()) === 503, { what: "/ready 503 without Redis" });
    startRedis();
    await waitFor(async () => (await ready()) === 200, { timeoutMs: 20_000, what: "/ready 200 with Redis back" });
  });
});
