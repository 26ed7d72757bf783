// Strangler fig end to end: Variant.availability is served by the legacy monolith subgraph or by
// inventory (@override label "legacy:variant-availability"), per caller, by the rollout file the
// router watches. The two sides answer differently for the test's variant (legacy: IN_STOCK from
// its legacy_stock row; inventory: LOW_STOCK from 2 received units), so every response shows
// which subgraph served it.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createBrand, createCategory, createProduct } from "@shopstream/catalog/testing/fixtures";
import { startHarness as startCatalog } from "@shopstream/catalog/testing/harness";
import { inventoryService } from "@shopstream/inventory";
import { createFixture as createInventory } from "@shopstream/inventory/testing/fixture";
import { createLogger, metricsRegistry, type RunningServiceOf } from "@shopstream/kernel";
import { startHarness as startLegacy } from "@shopstream/legacy/testing/harness";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { onNewPath } from "@shopstream/router/src/overrides/sticky-bucket";
import { startTestService, uniqueName, waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSubgraphs } from "./support/compose-subgraphs.js";

const _root = path.resolve(import.meta.dirname, "../..");
const LABEL = "legacy:variant-availability";
const LEGACY_ANSWER = "IN_STOCK";
const NEW_ANSWER = "LOW_STOCK";

let catalog: Awaited<ReturnType<typeof startCatalog>>;
let inventory: Awaited<ReturnType<typeof createInventory>>;
let inventoryServer: RunningServiceOf<typeof inventoryService>;
let legacy: Awaited<ReturnType<typeof startLegacy>>;
let router: RunningRouter;
let rolloutDir: string;
let rolloutFile: string;
let sku: string;

const setPercent = (percent: number) => writeFile(rolloutFile, JSON.stringify({ labels: { [LABEL]: percent } }));

beforeAll(async () => {
  [catalog, inventory, legacy] = await Promise.all([startCatalog(), createInventory(), startLegacy()]);
  inventoryServer = await startTestService(inventoryService);
  const supergraphSdl = await composeSubgraphs({
    catalog: catalog.url,
    inventory: inventoryServer.url,
    legacy: legacy.url,
  });

  const brand = await createBrand(catalog.prisma);
  const category = await createCategory(catalog.prisma);
  const product = await createProduct(catalog, {
    name: `Strangler ${uniqueName("fig")}`,
    brandId: brand.id,
    categoryIds: [category.id],
    variants: [{ size: "M", colour: "Green", amount: 4_900 }],
  });
  const variant = product.variants[0]!;
  sku = variant.sku;
  await legacy.setStock({ skuId: variant.id, qtyOnHand: 50, qtyAllocated: 0, discFlag: 0 });
  await inventory.receive(variant.id, "wh-ams", 2);

  rolloutDir = await mkdtemp(path.join(os.tmpdir(), "rollout-e2e-"));
  rolloutFile = path.join(rolloutDir, "rollout.json");
  await setPercent(25);
  router = await startRouter({
    supergraphSdl: supergraphSdl,
    port: 0,
    identitySecret: catalog.secret,
    subgraphConnections: 32,
    rollout: { file: rolloutFile },
    logger: createLogger("router-test", "silent"),
  });
}, 120_000);

afterAll(async () => {
  await router?.close();
  await Promise.all([catalog?.close(), inventoryServer?.stop(), legacy?.close()]);
  await inventory?.close();
  if (rolloutDir) await rm(rolloutDir, { recursive: true, force: true });
});

const query = "query Availability($sku: String!) { variant(sku: $sku) { availability } }";

async function availability(headers: Record<string, string> = {}) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables: { sku }, operationName: "Availability" }),
  });
  const body = (await response.json()) as { data?: { variant: { availability: string } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return { answer: body.data.variant.availability, setCookie: response.headers.get("set-cookie") };
}

const servedBy = (answer: string) => (answer === NEW_ANSWER ? "new" : answer === LEGACY_ANSWER ? "legacy" : answer);

/** Runs `count` calls with at most `concurrency` in flight. */
async function inParallel<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await call(i);
      }
    }),
  );
  return results;
}

describe("progressive @override rollout through the router", () => {
  it("at 25 %, serves 25 ± 2 % of 10,000 anonymous visitors from the new subgraph, each from the side its decision chose", async () => {
    const visitors = Array.from({ length: 10_000 }, () => randomUUID());
    const answers = await inParallel(visitors.length, 32, (i) => availability({ "x-visitor-id": visitors[i]! }));
    const served = answers.map(({ answer }) => servedBy(answer));
    const expected = visitors.map((visitor) => (onNewPath(LABEL, `visitor:${visitor}`, 25) ? "new" : "legacy"));
    // Both label sets alternate on one warm plan cache; no response may come from the other side.
    expect(served.filter((side, i) => side !== expected[i])).toEqual([]);
    const newShare = (served.filter((side) => side === "new").length / visitors.length) * 100;
    expect(Math.abs(newShare - 25)).toBeLessThanOrEqual(2);
  }, 300_000);

  it("keeps a visitor on one side at a fixed percentage, by header or by the cookie the router sets", async () => {
    for (let i = 0; i < 20; i++) {
      const visitor = randomUUID();
      const sides = new Set<string>();
      for (let again = 0; again < 10; again++)
        sides.add(servedBy((await availability({ "x-visitor-id": visitor })).answer));
      expect(sides.size).toBe(1);
    }
    const first = await availability();
    const cookie = first.setCookie?.split(";")[0];
    expect(cookie).toMatch(/^ss_vid=[0-9a-f-]{36}$/);
    for (let again = 0; again < 10; again++) {
      const repeat = await availability({ cookie: cookie! });
      expect(repeat.answer).toBe(first.answer);
      expect(repeat.setCookie).toBeNull();
    }
  });

  it("rolls back to 0 within 1 s without a restart, and cuts over at 100", async () => {
    const visitors = Array.from({ length: 200 }, () => randomUUID());
    const sides = async () =>
      new Set(
        (await inParallel(visitors.length, 16, (i) => availability({ "x-visitor-id": visitors[i]! }))).map(
          ({ answer }) => servedBy(answer),
        ),
      );
    expect(await sides()).toEqual(new Set(["legacy", "new"]));
    const schema = router.schemaId();

    const started = performance.now();
    await setPercent(0);
    await waitFor(
      async () =>
        (await availability({ "x-visitor-id": visitors.find((v) => onNewPath(LABEL, `visitor:${v}`, 25))! })).answer ===
        LEGACY_ANSWER,
      {
        timeoutMs: 1_000,
        intervalMs: 20,
        what: "rollback to take effect",
      },
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1_000);
    expect(await sides()).toEqual(new Set(["legacy"]));

    await setPercent(100);
    // A visitor who was on legacy at 25 % now gets the new path: the setting is live...
    const legacyVisitor = visitors.find((v) => !onNewPath(LABEL, `visitor:${v}`, 25))!;
    await waitFor(async () => servedBy((await availability({ "x-visitor-id": legacyVisitor })).answer) === "new", {
      timeoutMs: 10_000,
      intervalMs: 20,
      what: "cut-over to take effect",
    });
    // ...for everyone.
    expect(await sides()).toEqual(new Set(["new"]));
    expect(router.schemaId()).toBe(schema); // same process, same schema: only the setting changed
    await setPercent(25);
  });

  it("counts decisions per label and path", async () => {
    const metrics = await metricsRegistry.getMetricsAsJSON();
    const decisions = metrics.find((metric) => metric.name === "router_override_decisions_total");
    const count = (side: string) =>
      decisions?.values.find((value) => value.labels.label === LABEL && value.labels.path === side)?.value ?? 0;
    expect(count("new")).toBeGreaterThan(2_000);
    expect(count("legacy")).toBeGreaterThan(7_000);
    const durations = metrics.find((metric) => metric.name === "router_override_request_duration_seconds");
    expect(durations?.values.some((value) => value.labels.label === LABEL && value.labels.path === "new")).toBe(true);
  });
});
