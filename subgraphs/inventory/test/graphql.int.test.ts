import { createSubgraphApollo, type Identity } from "@shopstream/kernel";
import { startTestService } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inventoryService } from "../src/app.js";
import type { InventoryContext } from "../src/context.js";
import { createFixture, type Fixture, identityHeaders, logger } from "./support/fixture.js";

let fx: Fixture;
let apollo: ReturnType<typeof createSubgraphApollo<InventoryContext>>;
beforeAll(async () => {
  fx = await createFixture();
  apollo = createSubgraphApollo<InventoryContext>({ name: "inventory", ...fx.app });
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await fx.close();
});

const staff = (scopes: string[]): Identity => ({ userId: "staff-1", sessionId: "s-1", scopes });
const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };

async function run(query: string, variables: Record<string, unknown>, identity: Identity) {
  const response = await apollo.executeOperation(
    { query, variables },
    { contextValue: fx.app.context({ identity, requestId: "test", logger, headers: {} }) },
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return response.body.singleResult as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
}

const entities = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Variant { id availability } }
}`;

describe("Variant entity", () => {
  it("resolves availability for everyone, including variants the inventory never stocked", async () => {
    const plenty = fx.newVariant();
    const scarce = fx.newVariant();
    const unknown = fx.newVariant();
    await fx.receive(plenty, "wh-ams", 6);
    await fx.receive(scarce, "wh-ber", 5);
    const representations = [plenty, scarce, unknown].map((id) => ({ __typename: "Variant", id }));
    const result = await run(entities, { representations }, anonymous);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: plenty, availability: "IN_STOCK" },
      { id: scarce, availability: "LOW_STOCK" },
      { id: unknown, availability: "OUT_OF_STOCK" },
    ]);
  });

  it("shows exact stock only with inventory:read", async () => {
    const variantId = fx.newVariant();
    await fx.receive(variantId, "wh-ams", 4);
    await fx.receive(variantId, "wh-mad", 2);
    await fx.services.reservations.reserve({ orderId: fx.newOrder(), lines: [{ variantId, quantity: 3 }] });
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Variant { stock { onHand reserved committed available byWarehouse { warehouse { code } onHand available } } } } }`;
    const representations = [{ __typename: "Variant", id: variantId }];

    const denied = await run(query, { representations }, staff(["catalog:write"]));
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(denied.data?._entities?.[0]?.stock).toBeNull();

    const allowed = await run(query, { representations }, staff(["inventory:read"]));
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?._entities?.[0]?.stock).toEqual({
      onHand: 6,
      reserved: 3,
      committed: 0,
      available: 3,
      byWarehouse: [
        { warehouse: { code: "AMS" }, onHand: 4, available: 1 },
        { warehouse: { code: "MAD" }, onHand: 2, available: 2 },
      ],
    });
  });
});

describe("admin mutations", () => {
  const receive = `mutation ($input: ReceiveStockInput!) {
    receiveStock(input: $input) { variant { id availability stock { onHand } } userErrors { code field } } }`;
  const adjust = `mutation ($input: AdjustStockInput!) {
    adjustStock(input: $input) { variant { stock { onHand } } userErrors { code field } } }`;
  const transfer = `mutation ($input: TransferStockInput!) {
    transferStock(input: $input) { variant { stock { byWarehouse { warehouse { id } onHand } } } userErrors { code field } } }`;
  const writer = staff(["inventory:read", "inventory:write"]);

  it("require inventory:write", async () => {
    const result = await run(
      receive,
      { input: { variantId: "x", warehouseId: "wh-ams", quantity: 1 } },
      staff(["inventory:read"]),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("receive, adjust (reason required) and transfer, with userErrors that write nothing", async () => {
    const variantId = fx.newVariant();
    const received = await run(receive, { input: { variantId, warehouseId: "wh-ams", quantity: 10 } }, writer);
    expect(received.data?.receiveStock).toEqual({
      variant: { id: variantId, availability: "IN_STOCK", stock: { onHand: 10 } },
      userErrors: [],
    });

    const unknownWarehouse = await run(receive, { input: { variantId, warehouseId: "nope", quantity: 1 } }, writer);
    expect(unknownWarehouse.data?.receiveStock.userErrors).toEqual([
      { code: "WAREHOUSE_NOT_FOUND", field: ["input", "warehouseId"] },
    ]);

    const noReason = await run(adjust, { input: { variantId, warehouseId: "wh-ams", delta: -2, reason: " " } }, writer);
    expect(noReason.data?.adjustStock).toEqual({
      variant: null,
      userErrors: [{ code: "REASON_REQUIRED", field: ["input", "reason"] }],
    });
    const adjusted = await run(
      adjust,
      { input: { variantId, warehouseId: "wh-ams", delta: -2, reason: "damaged" } },
      writer,
    );
    expect(adjusted.data?.adjustStock).toEqual({ variant: { stock: { onHand: 8 } }, userErrors: [] });

    const tooMany = await run(
      transfer,
      { input: { variantId, fromWarehouseId: "wh-ams", toWarehouseId: "wh-ber", quantity: 9 } },
      writer,
    );
    expect(tooMany.data?.transferStock.userErrors).toEqual([
      { code: "INSUFFICIENT_STOCK", field: ["input", "quantity"] },
    ]);
    const moved = await run(
      transfer,
      { input: { variantId, fromWarehouseId: "wh-ams", toWarehouseId: "wh-ber", quantity: 3 } },
      writer,
    );
    expect(moved.data?.transferStock.variant.stock.byWarehouse).toEqual([
      { warehouse: { id: "wh-ams" }, onHand: 5 },
      { warehouse: { id: "wh-ber" }, onHand: 3 },
    ]);
    const movements = await fx.prisma.stockMovement.findMany({ where: { variantId }, orderBy: { id: "asc" } });
    expect(movements.map((m) => [m.type, m.quantity])).toEqual([
      ["RECEIVED", 10],
      ["ADJUSTED", -2],
      ["ADJUSTED", -3],
      ["ADJUSTED", 3],
    ]);
    expect(await fx.outboxEvents("inventory.stock.changed", variantId)).toHaveLength(4);
  });
});

describe("over HTTP", () => {
  it("rejects unsigned requests and answers signed ones", async () => {
    const server = await startTestService(inventoryService);
    try {
      const body = JSON.stringify({
        query: entities,
        variables: { representations: [{ __typename: "Variant", id: fx.newVariant() }] },
      });
      const unsigned = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(unsigned.status).toBe(401);
      const signed = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...identityHeaders([], fx.env.IDENTITY_HMAC_SECRET) },
        body,
      });
      expect(
        ((await signed.json()) as { data: { _entities: { availability: string }[] } }).data._entities[0]?.availability,
      ).toBe("OUT_OF_STOCK");
    } finally {
      await server.stop();
    }
  });
});
