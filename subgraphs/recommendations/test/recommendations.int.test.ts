// Recommendations learned from real events on Kafka (orders.orders, catalog.products), served by
// the real subgraph over HTTP. Every product, category, brand and user id is unique to this run.
import { isDeepStrictEqual } from "node:util";
import { waitFor } from "@shopstream/kernel/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeys } from "../src/services/cache-keys.js";
import { type Harness, newId, startHarness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const productRecs = `query ($reps: [_Any!]!, $first: Int) {
  _entities(representations: $reps) { ... on Product { id recommendations(first: $first) { id } } }
}`;
const userPicks = `query ($reps: [_Any!]!, $first: Int) {
  _entities(representations: $reps) { ... on User { id recommendedProducts(first: $first) { id } } }
}`;
const trending = `query ($first: Int, $window: TrendingWindow) { trending(first: $first, window: $window) { id } }`;

async function recommendationsOf(productId: string, first = 10): Promise<string[]> {
  const { data, errors } = await h.gql(productRecs, { reps: [{ __typename: "Product", id: productId }], first });
  expect(errors).toBeUndefined();
  return data._entities[0].recommendations.map((p: { id: string }) => p.id);
}

async function picksOf(userId: string, first = 10): Promise<string[]> {
  const identity = { userId, sessionId: null, scopes: [] };
  const { data, errors } = await h.gql(userPicks, { reps: [{ __typename: "User", id: userId }], first }, identity);
  expect(errors).toBeUndefined();
  return data._entities[0].recommendedProducts.map((p: { id: string }) => p.id);
}

/**
 * Reads until the answer equals `expected`, then asserts it. Other suites' consumers share these
 * topics and may apply an event first, dropping the cached list a moment after their commit; the
 * cache TTL (600 s) is far beyond this wait, so a list that is never dropped still fails.
 */
async function expectSettled<T>(read: () => Promise<T>, expected: T) {
  let last: T | undefined;
  await waitFor(
    async () => {
      last = await read();
      return isDeepStrictEqual(last, expected);
    },
    { timeoutMs: 10_000, what: `the answer ${JSON.stringify(expected)}` },
  ).catch(() => undefined);
  expect(last).toEqual(expected);
}

async function trendingIds(first: number, window = "DAY"): Promise<string[]> {
  const { data, errors } = await h.gql(trending, { first, window });
  expect(errors).toBeUndefined();
  return data.trending.map((p: { id: string }) => p.id);
}

describe("customers also bought", () => {
  const category = newId("cat");
  const brand = newId("brand");
  const [A, B, C, D] = [newId("p-a"), newId("p-b"), newId("p-c"), newId("p-d")];

  it("ranks co-purchases by how many orders had both, and drops the cached list when an order changes it", async () => {
    await h.classify([A, B, C, D].map((id) => ({ id, brandId: brand, categoryIds: [category] })));
    await h.confirmOrders(
      [1, 2, 3].map(() => ({
        userId: null,
        lines: [
          [A, 1],
          [B, 1],
        ],
      })),
    );
    expect(await recommendationsOf(A)).toEqual([B]); // now cached
    expect(await h.redis.exists(`recs:${cacheKeys.coPurchased(A)}`)).toBe(1);

    await h.confirmOrders([
      {
        userId: null,
        lines: [
          [A, 1],
          [C, 2],
        ],
      },
    ]);
    await expectSettled(() => recommendationsOf(A), [B, C]);
    await expectSettled(() => recommendationsOf(B), [A, C]); // A co-bought; C popular in the same category and brand
  });

  it("falls back to best sellers of the same category and brand, never the product itself", async () => {
    // D was never bought with anything: its list is the category's and brand's best sellers.
    expect(await recommendationsOf(D)).toEqual([A, B, C]); // units sold: A 4, B 3, C 2
  });

  it("never recommends an archived product", async () => {
    await h.classify([{ id: C, brandId: brand, categoryIds: [category], status: "ARCHIVED" }]);
    await expectSettled(() => recommendationsOf(A), [B]);
    expect(await recommendationsOf(D)).not.toContain(C);
  });

  it("rejects a first outside 0..50", async () => {
    const { errors } = await h.gql(productRecs, { reps: [{ __typename: "Product", id: A }], first: 51 });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("replaying events", () => {
  it("changes nothing: the same envelopes again, or the same order under a new event id", async () => {
    const category = newId("cat");
    const [A, B, C] = [newId("p-a"), newId("p-b"), newId("p-c")];
    const user = newId("user");
    const catalog = await h.classify([A, B, C].map((id) => ({ id, brandId: newId("brand"), categoryIds: [category] })));
    const orders = await h.confirmOrders([
      {
        userId: user,
        lines: [
          [A, 1],
          [B, 1],
        ],
      },
      {
        userId: user,
        lines: [
          [A, 1],
          [C, 1],
        ],
      },
    ]);
    const snapshot = async () => ({
      pairs: await h.prisma.coPurchase.findMany({
        where: { productId: { in: [A, B, C] } },
        orderBy: [{ productId: "asc" }, { otherProductId: "asc" }],
      }),
      sales: await h.prisma.productSales.findMany({
        where: { productId: { in: [A, B, C] } },
        orderBy: { productId: "asc" },
      }),
      hourly: await h.prisma.productSalesHourly.findMany({
        where: { productId: { in: [A, B, C] } },
        orderBy: { productId: "asc" },
      }),
      purchases: await h.prisma.userPurchase.findMany({ where: { userId: user }, orderBy: { productId: "asc" } }),
      attributes: await h.prisma.productAttribute.findMany({
        where: { productId: { in: [A, B, C] } },
        orderBy: { productId: "asc" },
      }),
      recommendations: await recommendationsOf(A),
      picks: await picksOf(user),
    });
    const before = await snapshot();
    expect(before.pairs.find((p) => p.productId === A && p.otherProductId === B)?.orderCount).toBe(1);
    expect(before.purchases.map((p) => [p.productId, p.quantity])).toEqual(
      [
        [A, 2],
        [B, 1],
        [C, 1],
      ].sort(),
    );

    const duplicatesBefore = await h.duplicatesSeen();
    await h.publish(orders, "orders.orders");
    await h.publish(catalog, "catalog.products");
    await waitFor(async () => (await h.duplicatesSeen()) - duplicatesBefore >= orders.length + catalog.length, {
      what: "replayed events seen as duplicates",
    });
    // The same order confirmed again under a new event id (e.g. re-emitted by a bug) counts once too.
    const resent = { ...orders[0]!, id: crypto.randomUUID() };
    await h.publish([resent], "orders.orders");
    await waitFor(
      async () => (await h.prisma.processedEvent.count({ where: { consumer: h.groupId, eventId: resent.id } })) === 1,
      { what: "re-sent order processed" },
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe("personal picks", () => {
  it("differ for users with different histories and never repeat what they bought", async () => {
    const [shoes, hats] = [newId("cat-shoes"), newId("cat-hats")];
    const [shoeBrand, hatBrand] = [newId("brand-shoes"), newId("brand-hats")];
    const [shoe1, shoe2, shoe3] = [newId("p-shoe1"), newId("p-shoe2"), newId("p-shoe3")];
    const [hat1, hat2] = [newId("p-hat1"), newId("p-hat2")];
    await h.classify([
      ...[shoe1, shoe2, shoe3].map((id) => ({ id, brandId: shoeBrand, categoryIds: [shoes] })),
      ...[hat1, hat2].map((id) => ({ id, brandId: hatBrand, categoryIds: [hats] })),
    ]);
    const [runner, hatter] = [newId("user-runner"), newId("user-hatter")];
    await h.confirmOrders([
      { userId: null, lines: [[shoe2, 5]] },
      { userId: null, lines: [[shoe3, 2]] },
      { userId: null, lines: [[hat2, 3]] },
      { userId: runner, lines: [[shoe1, 1]] },
      { userId: hatter, lines: [[hat1, 1]] },
    ]);
    const runnerPicks = await picksOf(runner, 3);
    const hatterPicks = await picksOf(hatter, 3);
    expect(runnerPicks.slice(0, 2)).toEqual([shoe2, shoe3]);
    expect(hatterPicks[0]).toBe(hat2);
    expect(runnerPicks).not.toContain(shoe1);
    expect(hatterPicks).not.toContain(hat1);
    expect(runnerPicks).not.toEqual(hatterPicks);

    // The runner buys the top pick: it leaves their picks at once (their cached profile is dropped).
    await h.confirmOrders([{ userId: runner, lines: [[shoe2, 1]] }]);
    await expectSettled(async () => (await picksOf(runner, 3))[0], shoe3);
  });

  it("give a user without orders the trending products", async () => {
    const hot = newId("p-hot");
    await h.classify([{ id: hot, brandId: newId("brand"), categoryIds: [newId("cat")] }]);
    await h.confirmOrders([{ userId: null, lines: [[hot, 1_000]] }]);
    const top = await trendingIds(5);
    expect(top[0]).toBe(hot);
    expect(await picksOf(newId("user-new"), 5)).toEqual(top);
  });

  it("are only shown to the user themself", async () => {
    const other = { userId: newId("user"), sessionId: null, scopes: [] };
    const { errors } = await h.gql(userPicks, { reps: [{ __typename: "User", id: newId("user") }], first: 3 }, other);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("trending", () => {
  it("counts an order in the windows that contain its confirmation time, never later ones", async () => {
    const [lastWeek, nextHour] = [newId("p-last-week"), newId("p-next-hour")];
    const hour = 3_600_000;
    await h.confirmOrders([
      { userId: null, lines: [[lastWeek, 5_000]], at: new Date(h.now.getTime() - 48 * hour) },
      { userId: null, lines: [[nextHour, 5_000]], at: new Date(h.now.getTime() + hour) },
    ]);
    const [day, week] = [await trendingIds(50, "DAY"), await trendingIds(50, "WEEK")];
    expect(week[0]).toBe(lastWeek); // the best seller of the 7 days...
    // ...is not in the 24 hours: it only tops the short 24-hour list up, after every item of the day.
    expect(day[0]).not.toBe(lastWeek);
    expect(day.at(-1)).toBe(lastWeek);
    expect([...day, ...week]).not.toContain(nextHour);
  });

  it("ranks the same in both windows when every order is in the current hour", async () => {
    // (runs after the test above: the 7-day window then also holds its order of two days ago)
    const week = await trendingIds(50, "WEEK");
    const day = await trendingIds(50, "DAY");
    const inCurrentHour = (id: string) => !id.startsWith("p-last-week");
    expect(week.filter(inCurrentHour)).toEqual(day.filter(inCurrentHour));
    expect(day.length).toBeGreaterThan(0);
  });
});

describe("concurrent orders", () => {
  it("counts every one of 60 orders over the same products, applied from all partitions at once", async () => {
    const [A, B, C] = [newId("p-hot-a"), newId("p-hot-b"), newId("p-hot-c")];
    const orders = Array.from({ length: 60 }, (_, i) => {
      // The same three products in every order of listing, so no two writers agree by accident.
      const lines: Array<[string, number]> = [
        [A, 1],
        [B, 2],
        [C, 1],
      ];
      for (let shift = 0; shift < i % 3; shift++) lines.push(lines.shift()!);
      return { userId: null, lines: i % 2 ? lines.reverse() : lines };
    });
    await h.confirmOrders(orders);
    const pairs = await h.prisma.coPurchase.findMany({ where: { productId: { in: [A, B, C] } } });
    expect(pairs).toHaveLength(6);
    expect(pairs.every((pair) => pair.orderCount === 60)).toBe(true);
    const sales = await h.prisma.productSales.findMany({
      where: { productId: { in: [A, B, C] } },
      orderBy: { quantity: "asc" },
    });
    expect(sales.map((s) => [s.quantity, s.orderCount])).toEqual([
      [60, 60],
      [60, 60],
      [120, 60],
    ]);
  });
});
