// Guest carts ready to check out (one line, address and delivery set), prepared before a run so
// the measured traffic is placeOrder alone. Twenty carts per request (aliased root fields, under
// the router's MAX_ROOT_FIELDS), a few requests at a time.
import { randomUUID } from "node:crypto";
import { shippingAddress } from "../scenarios/operations.js";
import { postGraphQL } from "../support/post-graphql.js";

const PER_REQUEST = 20;

async function graphql(url: string, query: string, variables: Record<string, unknown>) {
  const text = await postGraphQL(url, JSON.stringify({ query, variables }));
  return JSON.parse(text) as { data: Record<string, { cart: { token: string } }> };
}

async function cartBatch(url: string, variantIds: string[]): Promise<string[]> {
  const aliases = variantIds.map((_, i) => `c${i}`);
  const added = await graphql(
    url,
    `mutation (${aliases.map((a) => `$${a}: AddToCartInput!`).join(", ")}) {
      ${aliases.map((a) => `${a}: addToCart(input: $${a}) { cart { token } userErrors { code } }`).join("\n")} }`,
    Object.fromEntries(aliases.map((a, i) => [a, { variantId: variantIds[i], quantity: 1 }])),
  );
  const tokens = aliases.map((a) => added.data[a]!.cart.token);
  await graphql(
    url,
    `mutation (${aliases.map((a) => `$${a}: SetCheckoutDetailsInput!`).join(", ")}) {
      ${aliases.map((a) => `${a}: setCheckoutDetails(input: $${a}) { cart { token } userErrors { code } }`).join("\n")} }`,
    Object.fromEntries(
      aliases.map((a, i) => [a, { cartToken: tokens[i], shippingAddress, shippingMethod: "STANDARD" }]),
    ),
  );
  return tokens;
}

/** `count` guest cart tokens, each holding one of `variantIds` (round robin). */
export async function prepareCarts(url: string, variantIds: string[], count: number): Promise<string[]> {
  const tokens: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const size = Math.min(PER_REQUEST, count - next);
      const variants = Array.from({ length: size }, (_, i) => variantIds[(next + i) % variantIds.length]!);
      next += size;
      tokens.push(...(await cartBatch(url, variants)));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}

export const placeOrderInput = (cartToken: string, run: string) => ({
  cartToken,
  idempotencyKey: `${run}-${randomUUID()}`,
  paymentToken: "tok_visa",
});
