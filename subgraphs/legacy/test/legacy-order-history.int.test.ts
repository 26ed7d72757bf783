// The monolith's order endpoints (the legacy side of label legacy:order-history): an order by its
// LO- id for its owner or an admin only, a customer's history newest first with the order-history
// cursor, and the federated Order shape (money in minor units, our statuses, the import's timeline).
import type { Identity } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LegacyHarness, startHarness } from "./support/harness.js";
import { legacyOrder } from "./support/legacy-orders.js";

let legacy: LegacyHarness;
beforeAll(async () => {
  legacy = await startHarness();
});
afterAll(() => legacy?.close());

const customer = (userId: string, scopes: string[] = []): Identity => ({ userId, sessionId: "s1", scopes });
const day = (n: number) => new Date(Date.UTC(2023, 0, n, 12, 0, 0));

const orderQuery = `query ($id: ID!) { order(id: $id) {
  id status cancellationReason cancellationDetail user { id } shippingMethod placedAt payment { status }
  lines { variant { id } sku productName quantity unitPrice { amount currency } lineTotal { amount currency } }
  totals { subtotal { amount } shipping { amount } tax { amount } total { amount currency } }
  shippingAddress { name line1 line2 city postalCode country }
  timeline { kind detail at }
} }`;

const historyQuery = `query ($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on User { orders(first: $first, after: $after) {
    edges { cursor node { id status placedAt } } pageInfo { hasNextPage endCursor } } } }
}`;

describe("legacy order(id)", () => {
  it("answers the owner in the federated Order shape", async () => {
    const custId = uniqueName("usr_lg");
    const [order] = [
      legacyOrder(custId, day(5), { ordStatus: "F", shipVia: "EXP", shipAmt: "14.95", totAmt: "103.95" }),
    ];
    await legacy.writeOrders([order!]);
    const body = await legacy.gql(orderQuery, { id: `LO-${order!.orderNo}` }, customer(custId));
    expect(body.errors).toBeUndefined();
    expect(body.data.order).toEqual({
      id: `LO-${order!.orderNo}`,
      status: "CANCELLED",
      cancellationReason: "PAYMENT_DECLINED",
      cancellationDetail: null,
      user: { id: custId },
      shippingMethod: "EXPRESS",
      placedAt: "2023-01-05T12:00:00.000Z",
      payment: null,
      lines: [
        {
          variant: { id: "var_lg_1" },
          sku: "SKU-LG-1",
          productName: "Wool Scarf",
          quantity: 1,
          unitPrice: { amount: 2493, currency: "EUR" },
          lineTotal: { amount: 2493, currency: "EUR" },
        },
        {
          variant: { id: "var_lg_2" },
          sku: "SKU-LG-2",
          productName: "Wool Scarf",
          quantity: 2,
          unitPrice: { amount: 2493, currency: "EUR" },
          lineTotal: { amount: 4986, currency: "EUR" },
        },
      ],
      totals: {
        subtotal: { amount: 7479 },
        shipping: { amount: 1495 },
        tax: { amount: 1421 },
        total: { amount: 10395, currency: "EUR" },
      },
      shippingAddress: {
        name: "Lea Klein",
        line1: "Marktplatz 3",
        line2: null,
        city: "Vienna",
        postalCode: "1010",
        country: "AT",
      },
      timeline: [
        { kind: "PLACED", detail: "in the monolith", at: "2023-01-05T12:00:00.000Z" },
        { kind: "LEGACY_STATUS", detail: "monolith status F: payment failed", at: "2023-01-08T12:00:00.000Z" },
      ],
    });
  });

  it("reads as missing for anyone but the owner or orders:admin, and for ids it never issued", async () => {
    const custId = uniqueName("usr_lg");
    const [order] = [legacyOrder(custId, day(6))];
    await legacy.writeOrders([order!]);
    const id = `LO-${order!.orderNo}`;
    const read = async (identity: Identity, orderId = id) =>
      (await legacy.gql("query ($id: ID!) { order(id: $id) { id } }", { id: orderId }, identity)).data.order;
    expect(await read(customer(uniqueName("usr_other")))).toBeNull();
    expect(await read({ userId: null, sessionId: null, scopes: [] })).toBeNull();
    expect(await read(customer(uniqueName("usr_admin"), ["orders:admin"]))).toEqual({ id });
    for (const never of ["ord_123", "LO-0", "LO-x", `LO-${order!.orderNo}0000000`])
      expect(await read(customer(custId), never)).toBeNull();
  });
});

describe("legacy User.orders", () => {
  it("pages a customer's history newest first, ties by number, with cursors that carry on", async () => {
    const custId = uniqueName("usr_lg");
    const orders = [
      legacyOrder(custId, day(1)),
      legacyOrder(custId, day(3)),
      legacyOrder(custId, day(3)),
      legacyOrder(custId, day(2)),
    ];
    await legacy.writeOrders([...orders, legacyOrder(uniqueName("usr_else"), day(4))]);
    const page = async (first: number, after?: string) => {
      const body = await legacy.gql(
        historyQuery,
        { reps: [{ __typename: "User", id: custId }], first, after },
        customer(custId),
      );
      expect(body.errors).toBeUndefined();
      return body.data._entities[0].orders;
    };
    const expected = [orders[2], orders[1], orders[3], orders[0]].map((order) => `LO-${order!.orderNo}`);
    const first = await page(3);
    expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected.slice(0, 3));
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2].cursor });
    expect(Buffer.from(first.edges[0].cursor, "base64url").toString()).toBe(`2023-01-03T12:00:00.000Z|${expected[0]}`);
    const rest = await page(3, first.pageInfo.endCursor);
    expect(rest.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected.slice(3));
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // A cursor the orders path issued for an order the monolith never had: everything older.
    const foreign = Buffer.from("2023-01-03T12:00:00.000Z|ord_new").toString("base64url");
    expect((await page(10, foreign)).edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      expected.slice(2),
    );
  });

  it("refuses other users, a page size out of range and a cursor it cannot read", async () => {
    const custId = uniqueName("usr_lg");
    const ask = (identity: Identity, first: number, after?: string) =>
      legacy.gql(historyQuery, { reps: [{ __typename: "User", id: custId }], first, after }, identity);
    expect((await ask(customer(uniqueName("usr_other")), 5)).errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await ask(customer(custId), 101)).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await ask(customer(custId), 5, "not-a-cursor")).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const admin = await ask(customer(uniqueName("usr_admin"), ["orders:admin"]), 5);
    expect(admin.errors).toBeUndefined();
    expect(admin.data._entities[0].orders.edges).toEqual([]);
  });
});
