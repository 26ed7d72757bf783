// The storefront scenarios as request steps: browse (search, then the first hit's product page),
// hot products (a handful of product pages over and over), checkout (guest cart → checkout
// details → placeOrder; orders are collected to time placed→confirmed), and the Black Friday mix.
import { randomUUID } from "node:crypto";
import type { Context, Step } from "../load/closed-loop.js";
import type { SellableProduct } from "../support/sellable-products.js";
import {
  ADD_TO_CART,
  body,
  PLACE_ORDER,
  PRODUCT_PAGE,
  SEARCH,
  SEARCH_TERMS,
  SET_CHECKOUT,
  shippingAddress,
} from "./operations.js";

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

export const searchBody = () => body(SEARCH, { search: pick(SEARCH_TERMS) });
export const productPageBody = (id: string) => body(PRODUCT_PAGE, { id });

export function browseSteps(products: SellableProduct[]): Step[] {
  return [
    {
      body: () => searchBody(),
      onResponse: (json, context) => {
        const edges = (json as { data?: { products?: { edges?: Array<{ node: { id: string } }> } } }).data?.products
          ?.edges;
        context.productId = edges?.length ? pick(edges).node.id : pick(products).id;
      },
    },
    { body: (context) => productPageBody((context.productId as string | undefined) ?? pick(products).id) },
  ];
}

export function hotProductSteps(products: SellableProduct[], count = 5): Step[] {
  const hot = products.slice(0, count);
  return [{ body: () => productPageBody(pick(hot).id) }];
}

/** Each client: add to a new guest cart, set the address, place the order. */
export function checkoutSteps(products: SellableProduct[], placed: string[]): Step[] {
  const variants = products.flatMap((p) => p.variantIds);
  type CartJson = { data: Record<string, { cart: { token: string } }> };
  return [
    {
      body: () => body(ADD_TO_CART, { input: { variantId: pick(variants), quantity: 1 } }),
      onResponse: (json, context: Context) => {
        context.cartToken = (json as CartJson).data.addToCart!.cart.token;
      },
    },
    {
      body: (context) =>
        body(SET_CHECKOUT, { input: { cartToken: context.cartToken, shippingAddress, shippingMethod: "STANDARD" } }),
    },
    {
      body: (context) =>
        body(PLACE_ORDER, {
          input: { cartToken: context.cartToken, idempotencyKey: `bench-${randomUUID()}`, paymentToken: "tok_visa" },
        }),
      onResponse: (json) => {
        const id = (json as { data: { placeOrder: { order: { id: string } | null } } }).data.placeOrder.order?.id;
        if (id) placed.push(id);
      },
    },
  ];
}

/** Black Friday traffic: two product pages for every search. */
export function blackFridayBody(products: SellableProduct[]): () => string {
  return () => (Math.random() < 1 / 3 ? searchBody() : productPageBody(pick(products).id));
}

/** Baseline rate for `base` s, linear ramp to 12× over `ramp` s, hold 12× for `hold` s. */
export function blackFridayRate(rate: number, base: number, ramp: number, hold: number) {
  return {
    seconds: base + ramp + hold,
    rateAt: (t: number) => (t < base ? rate : t < base + ramp ? rate * (1 + (11 * (t - base)) / ramp) : rate * 12),
  };
}
