// Benchmark: 1,000 concurrent subscribers on one router, each on its own WebSocket, to
// Subscription.stockChanged over 10 variants (10 shared upstreams of 100 subscribers each). Real
// catalog and inventory (their harnesses, in this process) over PostgreSQL and Kafka; the router
// is a child process of its own so its RSS is its own. Each variant's stock is raised twice
// (OUT_OF_STOCK → LOW_STOCK → IN_STOCK): every subscriber must get both events. Delivery latency
// runs from the stock write to the subscriber's receipt (inventory's transaction, outbox relay,
// Kafka, inventory's live-event group, the upstream socket, the router's fan-out).
// Env: BENCH_SUBSCRIBERS (1000), BENCH_VARIANTS (10). Records router/bench/results/subscriptions.json.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createBrand, createProduct, uniqueWord } from "@shopstream/catalog/testing/fixtures";
import { startProductPageSubgraphs } from "@shopstream/e2e/support/product-page-subgraphs";
import { freePort, startTsx, stop, usageOf, waitFor, waitForHttp } from "@shopstream/testkit";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { composeSupergraph } from "../src/schema/compose-supergraph.js";

const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const variantCount = Number(process.env.BENCH_VARIANTS ?? 10);
const root = path.resolve(import.meta.dirname, "../..");
const STOCK = "subscription ($ids: [ID!]!) { stockChanged(variantIds: $ids) { id availability } }";
const steps = [
  { quantity: 3, level: "LOW_STOCK" },
  { quantity: 10, level: "IN_STOCK" },
] as const;

const { catalog, recommendations, inventory, inventoryServer, redis } = await startProductPageSubgraphs();
const clients: Client[] = [];
let router: ReturnType<typeof startTsx> | undefined;
try {
  await inventoryServer.liveEventsJoined;
  const brand = await createBrand(catalog.prisma);
  const variants: string[] = [];
  for (let i = 0; i < variantCount; i++) {
    const product = await createProduct(catalog, {
      name: `Live Bench ${uniqueWord()}`,
      brandId: brand.id,
      variants: [{ size: "M", colour: "Grey", amount: 1_000 + i }],
    });
    variants.push(product.variants[0]!.id);
  }
  const composed = await composeSupergraph(
    (["catalog", "inventory", "recommendations"] as const).map((name) => ({
      name,
      routingUrl: { catalog: catalog.url, inventory: inventoryServer.url, recommendations: recommendations.url }[name],
      schemaFile: path.join(root, `subgraphs/${name}/src/schema.graphql`),
    })),
    root,
  );
  if (!composed.ok) throw new Error(composed.problems.join("\n"));
  const dir = await mkdtemp(path.join(os.tmpdir(), "subscriptions-bench-"));
  const supergraphPath = path.join(dir, "supergraph.graphql");
  await writeFile(supergraphPath, composed.supergraphSdl);
  const port = await freePort();
  router = startTsx(path.join(root, "router/src/server.ts"), {
    SUPERGRAPH_PATH: supergraphPath,
    PORT: String(port),
    ROUTER_WORKERS: "1",
    LOG_LEVEL: "warn",
    RATE_LIMIT_QUERIES: "1000000",
    ROUTER_SUBSCRIPTIONS_MAX_PER_CLIENT: String(subscribers), // every client is 127.0.0.1
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`);
  const routerPid = router.pid!;
  const rssIdle = usageOf({ router: routerPid }).router!.rssBytes;

  // Subscribers: one socket each, subscriber i on variant i mod N.
  const received = new Map<string, number[]>(); // `${variant}:${level}` → receipt times
  const writtenAt = new Map<string, number>();
  const perSubscriber = new Array<number>(subscribers).fill(0);
  for (let i = 0; i < subscribers; i++) {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    client.subscribe(
      { query: STOCK, variables: { ids: [variants[i % variantCount]] } },
      {
        next: (event) => {
          const changed = (event.data as { stockChanged?: { id: string; availability: string } })?.stockChanged;
          if (!changed) return;
          const key = `${changed.id}:${changed.availability}`;
          received.set(key, [...(received.get(key) ?? []), performance.now()]);
          perSubscriber[i]!++;
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  await waitFor(async () => (await openSubscriptions(base)) >= subscribers, {
    timeoutMs: 120_000,
    intervalMs: 250,
    what: `${subscribers} subscriptions open`,
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // each upstream has read its baseline
  const rssOpen = usageOf({ router: routerPid }).router!.rssBytes;

  for (const step of steps) {
    for (const variant of variants) {
      writtenAt.set(`${variant}:${step.level}`, performance.now());
      await inventory.receive(variant, "wh-ams", step.quantity);
    }
    await waitFor(async () => deliveries(received, step.level) >= subscribers, {
      timeoutMs: 60_000,
      intervalMs: 50,
      what: `every subscriber's ${step.level}`,
    }).catch(() => {});
  }
  const latencies: number[] = [];
  for (const [key, times] of received) {
    const written = writtenAt.get(key);
    if (written !== undefined) for (const time of times) latencies.push(time - written);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  const complete = perSubscriber.filter((count) => count === steps.length).length;
  const row = {
    subscribers,
    upstreams: variantCount,
    events: steps.length * variantCount,
    deliveries: latencies.length,
    expectedDeliveries: subscribers * steps.length,
    subscribersWithEveryEvent: complete,
    deliveryP50Ms: pick(0.5),
    deliveryP99Ms: pick(0.99),
    deliveryMaxMs: Math.round(latencies.at(-1) ?? NaN),
    routerRssIdleMb: Math.round(rssIdle / 1e6),
    routerRssOpenMb: Math.round(rssOpen / 1e6),
    routerRssPer1000SubscribersMb: Math.round(((rssOpen - rssIdle) / 1e6) * (1000 / subscribers)),
  };
  console.log(
    `\nsubscriptions: ${subscribers} WebSocket subscribers, ${variantCount} variants, ${os.cpus().length} cores`,
  );
  console.table([row]);
  const results = path.join(import.meta.dirname, "results");
  await mkdir(results, { recursive: true });
  await writeFile(
    path.join(results, "subscriptions.json"),
    `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, ...row }, null, 2)}\n`,
  );
  if (complete !== subscribers) throw new Error(`${subscribers - complete} subscribers missed an event`);
} finally {
  await Promise.all(clients.map((client) => client.dispose()));
  if (router) await stop(router);
  await inventoryServer.stop();
  await Promise.all([catalog.close(), recommendations.close(), inventory.close(), redis.stop()]);
}
process.exit(0);

function deliveries(received: Map<string, number[]>, level: string): number {
  let count = 0;
  for (const [key, times] of received) if (key.endsWith(`:${level}`)) count += times.length;
  return count;
}

async function openSubscriptions(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let open = 0;
  for (const line of text.split("\n"))
    if (line.startsWith("router_subscriptions_open{")) open += Number(line.split(" ").at(-1));
  return open;
}
