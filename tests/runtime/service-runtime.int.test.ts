// The kernel runtime every server.ts uses: one service started through it serves GraphQL with
// readiness, consumes its events, relays its outbox, and stops cleanly; the process entry point
// exits 78 on a bad environment and 0 after SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { inventoryService } from "@shopstream/inventory";
import { createKafka, inventoryEvents, namespacedTopic, orderEvents, topics } from "@shopstream/kernel";
import { legacyService } from "@shopstream/legacy";
import {
  createScratchDatabase,
  observeTopic,
  type ScratchDatabase,
  signedGraphqlClient,
  startTestService,
  type TopicObserver,
  uniqueName,
  waitFor,
} from "@shopstream/testkit";
import type { Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

describe("a service started by the kernel runtime", () => {
  let inventory: Awaited<ReturnType<typeof startInventory>>;
  let observer: TopicObserver<{ orderId: string }>;
  let producer: Producer;
  const startInventory = () => startTestService(inventoryService);
  const topicOf = (topic: string) => namespacedTopic(inventory.env.KAFKA_TOPIC_PREFIX, topic);

  beforeAll(async () => {
    inventory = await startInventory();
    const kafka = createKafka({
      clientId: "runtime-test",
      brokers: inventory.env.KAFKA_BROKERS,
      logger: inventory.logger,
    });
    observer = await observeTopic<{ orderId: string }>(kafka, topicOf(topics.inventoryStock));
    producer = kafka.producer();
    await producer.connect();
  }, 120_000);
  afterAll(async () => {
    await observer?.stop();
    await producer?.disconnect();
    await inventory?.stop();
  });

  it("serves signed GraphQL and reports each dependency on /ready", async () => {
    expect((await fetch(`${inventory.baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${inventory.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { postgres: true, kafka: true } });
    const gql = signedGraphqlClient(inventory.url, inventory.env.IDENTITY_HMAC_SECRET);
    const variantId = uniqueName("runtime-variant");
    const received = await gql(
      `mutation ($input: ReceiveStockInput!) { receiveStock(input: $input) { variant { stock { onHand } } userErrors { code } } }`,
      { input: { variantId, warehouseId: "wh-ams", quantity: 4 } },
      { identity: { userId: "staff", scopes: ["inventory:read", "inventory:write"] } },
    );
    expect(received).toEqual({ data: { receiveStock: { variant: { stock: { onHand: 4 } }, userErrors: [] } } });
  });

  it("consumes an order event and relays its answer from the outbox to Kafka", async () => {
    const orderId = uniqueName("runtime-order");
    const variantId = uniqueName("runtime-variant");
    await inventory.services.stock.receive({ variantId, warehouseId: "wh-ber", quantity: 3 });
    const placed = orderEvents.orderPlaced.create({
      source: "orders",
      subject: orderId,
      data: {
        orderId,
        userId: null,
        lines: [{ variantId, productId: "p", sku: "s", quantity: 2, unitPrice: { amount: 100, currency: "EUR" } }],
        total: { amount: 200, currency: "EUR" },
      },
    });
    await producer.send({
      topic: topicOf(topics.ordersOrders),
      messages: [{ key: orderId, value: JSON.stringify(placed) }],
    });
    const reply = await waitFor(() => observer.events.find((event) => event.data.orderId === orderId), {
      timeoutMs: 30_000,
      what: "the inventory's reply on inventory.stock",
    });
    expect(reply.type).toBe(inventoryEvents.stockReserved.type);
  });

  it("stops: HTTP refuses new connections afterwards", async () => {
    const stopped = await startInventory();
    await stopped.stop();
    await expect(fetch(`${stopped.baseUrl}/health`)).rejects.toThrow();
  });
});

describe("a service's process entry point (server.ts)", () => {
  const run = (env: Record<string, string>) =>
    spawn(tsx, [path.join(root, "subgraphs/legacy/src/server.ts")], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("exits 78 naming every bad variable", async () => {
    const child = run({ PORT: "not-a-port", LEGACY_LOW_STOCK_AT: "-1" });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(/^ {2}- PORT:/m);
    expect(stderr).toMatch(/^ {2}- LEGACY_LOW_STOCK_AT:/m);
  });

  it("exits 78 in production on development secrets, naming each", async () => {
    const child = run({ NODE_ENV: "production", PGPASSWORD: "shopstream" });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(78);
    expect(stderr).toMatch(/^ {2}- PGPASSWORD: is the development value/m);
    expect(stderr).toMatch(/^ {2}- IDENTITY_HMAC_SECRET: must be set in production/m);
  });

  it("serves, then exits 0 after SIGTERM", async () => {
    const child = run({ PORT: "0", LOG_LEVEL: "info" });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const url = await waitFor(() => stdout.match(/"url":"(http:[^"]+)"/)?.[1], {
      timeoutMs: 30_000,
      what: "ready log",
    });
    expect((await fetch(url.replace(/\/graphql$/, "/health"))).status).toBe(200);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("a service's seed (seed.ts), run by the kernel on the same definition", () => {
  const seed = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(tsx, [path.join(root, "subgraphs/legacy/src/seed.ts")], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: "silent", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });

  it("loads the development data once: a second run inserts nothing", async () => {
    const database = await createScratchDatabase("legacy");
    try {
      const first = await seed({ PGDATABASE_SUFFIX: database.suffix });
      expect(first.code).toBe(0);
      const [, planned, inserted] = /\[seed\] legacy: (\d+) legacy_stock rows planned, (\d+) inserted/.exec(
        first.stdout,
      )!;
      expect(Number(planned)).toBeGreaterThan(1_000);
      expect(inserted).toBe(planned);
      const second = await seed({ PGDATABASE_SUFFIX: database.suffix });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`${planned} legacy_stock rows planned, 0 inserted`);
    } finally {
      await database.drop();
    }
  }, 120_000);

  it("exits 78 naming the bad variable, before touching a database", async () => {
    const result = await seed({ PGPORT: "not-a-port" });
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^ {2}- PGPORT:/m);
  });
});

describe("a service killed with SIGKILL and started again", () => {
  // Its own topic namespace, so the default consumer group (inventory) is this test's alone, and
  // its own database: a relay publishes every pending row of its database into ITS namespace.
  const namespace = `${process.env.KAFKA_TOPIC_PREFIX ?? ""}${uniqueName("kill")}.`;
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase("inventory");
  }, 120_000);
  const start = () => {
    // node with tsx's loader, not the tsx CLI: the CLI runs the service in a child process, which
    // a SIGKILL to the CLI would leave running.
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "subgraphs/inventory/src/server.ts")], {
      cwd: root,
      env: {
        ...process.env,
        PORT: "0",
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
        KAFKA_TOPIC_PREFIX: namespace,
        PGDATABASE_SUFFIX: database.suffix,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    return { child, startedAt: Date.now(), output: () => stdout };
  };
  const children: Array<ReturnType<typeof start>["child"]> = [];
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await database?.drop();
  });

  it("answers GraphQL before its consumers rejoin, and rejoins without waiting out the dead member", async () => {
    const first = start();
    children.push(first.child);
    await waitFor(() => first.output().includes('"msg":"consumer group joined"'), {
      timeoutMs: 60_000,
      what: "the first instance's group join",
    });
    first.child.kill("SIGKILL"); // no LeaveGroup: the broker still counts it as a member

    const second = start();
    children.push(second.child);
    const url = await waitFor(() => second.output().match(/"url":"(http:[^"]+)"/)?.[1], {
      timeoutMs: 30_000,
      what: "the restarted instance's HTTP server",
    });
    const gql = signedGraphqlClient(url, process.env.IDENTITY_HMAC_SECRET ?? "dev-only-identity-secret-change-me");
    expect(await gql("{ __typename }")).toEqual({ data: { __typename: "Query" } });
    const answeredAfter = Date.now() - second.startedAt;
    expect(second.output()).not.toContain('"msg":"consumer group joined"'); // HTTP did not wait for Kafka

    await waitFor(() => second.output().includes('"msg":"consumer group joined"'), {
      timeoutMs: 60_000,
      what: "the restarted instance's group join",
    });
    const rejoinedAfter = Date.now() - second.startedAt;
    // kafkajs's default 30 s session would hold the dead member's partitions that long; ours is 10 s.
    expect(rejoinedAfter, `GraphQL after ${answeredAfter} ms, group after ${rejoinedAfter} ms`).toBeLessThan(25_000);
  }, 150_000);
});

describe("a service shutting down for a rolling deploy", () => {
  it("fails /ready first while still serving, then closes the port", async () => {
    const legacy = await startTestService(legacyService, { env: { SHUTDOWN_DRAIN_MS: "1500" } });
    const gql = signedGraphqlClient(legacy.url, legacy.env.IDENTITY_HMAC_SECRET);
    expect((await fetch(`${legacy.baseUrl}/ready`)).status).toBe(200);
    const stopped = legacy.stop("rolling deploy");
    const ready = await fetch(`${legacy.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, draining: true });
    expect(await gql("{ __typename }")).toEqual({ data: { __typename: "Query" } }); // still served while draining
    await stopped;
    await expect(fetch(`${legacy.baseUrl}/health`)).rejects.toThrow();
  });
});
