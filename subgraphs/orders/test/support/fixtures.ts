// Test data: unique products published as catalog events, and GraphQL operations used by tests.
import { randomUUID } from "node:crypto";
import { catalogEvents } from "@shopstream/kernel";
import { waitFor } from "@shopstream/kernel/testing";
import type { Harness } from "./harness.js";

export async function publishProduct(
  h: Harness,
  options: { price?: number; status?: "ACTIVE" | "ARCHIVED"; productId?: string; variantId?: string } = {},
) {
  const productId = options.productId ?? `prod-${randomUUID()}`;
  const variantId = options.variantId ?? `var-${randomUUID()}`;
  const price = { amount: options.price ?? 2_500, currency: "USD" };
  await h.publish(catalogEvents.productChanged, {
    subject: productId,
    data: {
      productId,
      slug: productId,
      name: `Test product ${productId.slice(-6)}`,
      status: options.status ?? "ACTIVE",
      variantIds: [variantId],
      variants: [{ variantId, sku: `SKU-${variantId.slice(-8)}`, price, compareAtPrice: null }],
      changedFields: ["status"],
    },
  });
  const status = options.status ?? "ACTIVE";
  // Wait for this event's whole state: a re-publish may keep the status and change only the price.
  await waitFor(
    async () => {
      const row = await h.prisma.productVariant.findUnique({ where: { variantId } });
      return row?.productStatus === status && row.priceAmount === price.amount;
    },
    {
      what: `read model of ${variantId}`,
    },
  );
  return { productId, variantId, price };
}

export const CART_FIELDS = `cart { id token lines { variant { id } quantity available unitPrice { amount currency } }
  totals { subtotal { amount currency } shipping { amount } tax { amount } total { amount } } } notices userErrors { code message field }`;

export const ADD_TO_CART = `mutation($input: AddToCartInput!) { addToCart(input: $input) { ${CART_FIELDS} } }`;
export const SET_CHECKOUT = `mutation($input: SetCheckoutDetailsInput!) { setCheckoutDetails(input: $input) { ${CART_FIELDS} } }`;
export const MERGE = `mutation($token: String!) { mergeGuestCart(cartToken: $token) { ${CART_FIELDS} } }`;
export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code field } } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { id status cancellationReason cancellationDetail
  totals { subtotal { amount currency } shipping { amount } tax { amount } total { amount currency } }
  lines { variant { id } quantity unitPrice { amount } } payment { status amount { amount } } timeline { kind detail } } }`;

export const address = {
  name: "Ada Lovelace",
  line1: "1 Analytical St",
  city: "London",
  postalCode: "N1 1AA",
  country: "GB",
};

/** Fills a signed-in user's cart with one product and places an order; returns the order id. */
export async function checkout(
  h: Harness,
  userId: string,
  variantId: string,
  options: { quantity?: number; paymentToken?: string; idempotencyKey?: string } = {},
) {
  const as = { userId };
  const added = await h.gql(ADD_TO_CART, { input: { variantId, quantity: options.quantity ?? 1 } }, as);
  if (added.errors || added.data.addToCart.userErrors.length) throw new Error(JSON.stringify(added));
  await h.gql(SET_CHECKOUT, { input: { shippingAddress: address, shippingMethod: "STANDARD" } }, as);
  const placed = await h.gql(
    PLACE_ORDER,
    {
      input: {
        idempotencyKey: options.idempotencyKey ?? `key-${randomUUID()}`,
        paymentToken: options.paymentToken ?? "tok_visa",
      },
    },
    as,
  );
  if (placed.errors || placed.data.placeOrder.userErrors.length) throw new Error(JSON.stringify(placed));
  return placed.data.placeOrder.order.id as string;
}

export async function waitForStatus(h: Harness, orderId: string, status: string, timeoutMs = 20_000) {
  await waitFor(async () => (await h.prisma.order.findUnique({ where: { id: orderId } }))?.status === status, {
    what: `order ${orderId} ${status}`,
    timeoutMs,
  });
  return (await h.gql(ORDER, { id: orderId }, { scopes: ["orders:admin"], userId: "admin" })).data.order;
}

export const newUser = () => `user-${randomUUID()}`;
