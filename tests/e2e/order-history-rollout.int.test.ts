// Strangler fig, order history: Query.order and User.orders are served by the legacy monolith
// subgraph or by orders (@override label "legacy:order-history"), per signed-in customer, by the
// rollout file the router watches. The monolith's orders reach orders through the real backfill;
// one imported order is then corrupted (its shipping method), so every answer about it shows which
// side served it, and shadow reads must report exactly that field.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@shopstream/kernel";
import { legacyOrder } from "@shopstream/legacy/testing/legacy-orders";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { onNewPath } from "@shopstream/router/src/overrides/sticky-bucket";
import { uniqueName, waitFor } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ORDER_HISTORY_LABEL as LABEL,
  type OrderHistoryMigration,
  startOrderHistoryMigration,
} from "./support/order-history-migration.js";
import { applyRollout, fieldMismatches, inParallel, shadowReads } from "./support/rollout-probes.js";

let migration: OrderHistoryMigration;
let router: RunningRouter;
let rolloutDir: string;
let rolloutFile: string;
const routerLog: string[] = [];
const sessionId = `sid-${randomUUID()}`;

/** A customer the 25 % split puts on the side asked for. */
const customerOn = (side: "new" | "legacy") => {
  for (;;) {
    const id = uniqueName("usr_hist");
    if (onNewPath(LABEL, `user:${id}`, 25) === (side === "new")) return id;
  }
};
const customers = { onNew: customerOn("new"), onLegacy: customerOn("legacy") };
/** Each customer's orders, oldest first; the newest is corrupted in orders after the backfill. */
const orderIds: Record<string, string[]> = {};
const corruptedOf = (customer: string) => orderIds[customer]!.at(-1)!;

const setPercent = (percent: number, shadow?: unknown) =>
  writeFile(rolloutFile, JSON.stringify({ labels: { [LABEL]: percent }, ...(shadow ? { shadow } : {}) }));

beforeAll(async () => {
  migration = await startOrderHistoryMigration();
  for (const customer of Object.values(customers)) {
    const rows = [1, 2, 3].map((day) => legacyOrder(customer, new Date(Date.UTC(2024, 4, day, 9))));
    await migration.writeLegacyOrders(rows);
    orderIds[customer] = rows.map((row) => `LO-${row.orderNo}`);
  }
  await migration.backfill();
  for (const customer of Object.values(customers))
    await migration.ordersSql(`UPDATE "order" SET shipping_method = 'EXPRESS' WHERE id = $1`, corruptedOf(customer));
  await migration.tokens.openSession(sessionId);

  rolloutDir = await mkdtemp(path.join(os.tmpdir(), "history-rollout-"));
  rolloutFile = path.join(rolloutDir, "rollout.json");
  await setPercent(25);
  router = await startRouter({
    supergraphSdl: migration.supergraphSdl,
    port: 0,
    identitySecret: migration.identitySecret,
    auth: { jwksUrl: migration.tokens.jwksUrl },
    subgraphConnections: 32,
    rollout: { file: rolloutFile },
    shadowReads: { maxInFlight: 32, maxEventLoopLoad: 1 },
    logger: createLogger("router-test", "warn", { write: (line: string) => void routerLog.push(line) }),
  });
}, 180_000);

afterAll(async () => {
  await router?.close();
  await migration?.close();
  if (rolloutDir) await rm(rolloutDir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response fields one by one
async function query(token: string, text: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables, operationName: /^query (\w+)/.exec(text)?.[1] }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return body.data;
}

const orderQuery = `query Order($id: ID!) { order(id: $id) {
  id status shippingMethod placedAt totals { total { amount currency } } lines { sku quantity unitPrice { amount } }
} }`;
const historyQuery = `query History($id: ID!) { order(id: $id) { user { orders(first: 10) {
  edges { cursor node { id status shippingMethod placedAt totals { total { amount } } timeline { kind detail at } } }
  pageInfo { hasNextPage endCursor }
} } } }`;

/** Which side answered: the corrupted order reads EXPRESS only in orders. */
const sideOf = (shippingMethod: string) => (shippingMethod === "EXPRESS" ? "new" : "legacy");

const asCustomer = (customer: string, scopes: string[] = []) => migration.tokens.token(customer, sessionId, scopes);

describe("order history moves by label, per customer", () => {
  it("at 25 %, 25 ± 2 % of 10,000 signed-in customers read from orders, each on the side its decision chose", async () => {
    // Callers with orders:admin may read any order, so all of them can ask about one corrupted order.
    const callers = Array.from({ length: 10_000 }, () => `usr_${randomUUID()}`);
    const tokens = await Promise.all(callers.map((caller) => asCustomer(caller, ["orders:admin"])));
    const probe = corruptedOf(customers.onNew);
    const sides = await inParallel(callers.length, 32, async (i) =>
      sideOf((await query(tokens[i]!, orderQuery, { id: probe })).order.shippingMethod),
    );
    const expected = callers.map((caller) => (onNewPath(LABEL, `user:${caller}`, 25) ? "new" : "legacy"));
    expect(sides.filter((side, i) => side !== expected[i])).toEqual([]);
    const newShare = (sides.filter((side) => side === "new").length / callers.length) * 100;
    expect(Math.abs(newShare - 25)).toBeLessThanOrEqual(2);
  }, 300_000);

  it("keeps a customer's order and history reads on one side, with the same history on both", async () => {
    for (const [side, customer] of [
      ["new", customers.onNew],
      ["legacy", customers.onLegacy],
    ] as const) {
      const token = await asCustomer(customer);
      for (let again = 0; again < 5; again++) {
        const order = (await query(token, orderQuery, { id: corruptedOf(customer) })).order;
        expect(sideOf(order.shippingMethod)).toBe(side);
        const history = (await query(token, historyQuery, { id: orderIds[customer]![0] })).order.user.orders;
        expect(history.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
          [...orderIds[customer]!].reverse(),
        );
        expect(sideOf(history.edges[0].node.shippingMethod)).toBe(side);
      }
    }
  });

  it("rolls back to 0 within 1 s without a restart", async () => {
    const token = await asCustomer(customers.onNew);
    const read = async () =>
      sideOf((await query(token, orderQuery, { id: corruptedOf(customers.onNew) })).order.shippingMethod);
    expect(await read()).toBe("new");
    const started = performance.now();
    await setPercent(0);
    await waitFor(async () => (await read()) === "legacy", { timeoutMs: 1_000, intervalMs: 20, what: "rollback" });
    expect(performance.now() - started).toBeLessThan(1_000);
    await setPercent(100);
    const other = await asCustomer(customers.onLegacy);
    await waitFor(
      async () =>
        sideOf((await query(other, orderQuery, { id: corruptedOf(customers.onLegacy) })).order.shippingMethod) ===
        "new",
      { timeoutMs: 5_000, intervalMs: 20, what: "cut-over" },
    );
    await setPercent(25);
  });
});

describe("shadow reads of order history", () => {
  it("report a corrupted backfilled order as a mismatch on exactly that field, logged with a diff, while the client's answer is the legacy one", async () => {
    await applyRollout(rolloutFile, { labels: { [LABEL]: 0 }, shadow: { [LABEL]: { sample: 100 } } }, LABEL);
    const before = {
      mismatch: await shadowReads(LABEL, "legacy", "mismatch"),
      match: await shadowReads(LABEL, "legacy", "match"),
      shipping: await fieldMismatches(LABEL, "Order.shippingMethod"),
    };
    const customer = customers.onNew;
    const token = await asCustomer(customer);
    for (let i = 0; i < 5; i++) {
      const history = (await query(token, historyQuery, { id: orderIds[customer]![0] })).order.user.orders;
      expect(history.edges.map((edge: { node: { shippingMethod: string } }) => edge.node.shippingMethod)).toEqual([
        "STANDARD",
        "STANDARD",
        "STANDARD",
      ]);
    }
    await waitFor(async () => (await shadowReads(LABEL, "legacy", "mismatch")) === before.mismatch + 5, {
      timeoutMs: 10_000,
      what: "5 shadow mismatches",
    });
    expect(await fieldMismatches(LABEL, "Order.shippingMethod")).toBe(before.shipping + 5);
    const logged = routerLog.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "shadow read mismatch");
    expect(logged.at(-1)).toMatchObject({
      label: LABEL,
      primary: "legacy",
      operationName: "History",
      fields: ["Order.shippingMethod"],
      differences: [
        {
          path: ["order", "user", "orders", "edges", 0, "node", "shippingMethod"],
          field: "Order.shippingMethod",
          primary: '"STANDARD"',
          shadow: '"EXPRESS"',
        },
      ],
    });

    // Orders the two sides agree on (not the corrupted one): matches, nothing else differs.
    await query(token, orderQuery, { id: orderIds[customer]![0] });
    await waitFor(async () => (await shadowReads(LABEL, "legacy", "match")) === before.match + 1, {
      timeoutMs: 10_000,
      what: "a match",
    });
    await applyRollout(rolloutFile, { labels: { [LABEL]: 25 } }, LABEL);
  });
});
