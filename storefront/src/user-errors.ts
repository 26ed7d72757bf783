// Expected failures (userErrors codes, GraphQL error codes) as sentences a shopper understands.
const messages: Record<string, string> = {
  CART_NOT_FOUND: "We couldn't find your basket. It may have expired; please add the items again.",
  CART_EMPTY: "Your basket is empty.",
  VARIANT_UNAVAILABLE: "Sorry, that item is no longer available.",
  INVALID_QUANTITY: "Choose a quantity between 1 and 99.",
  LINE_NOT_FOUND: "That item is no longer in your basket.",
  INVALID_ADDRESS: "Please check the delivery address.",
  INVALID_COUNTRY: "Enter the country as a two-letter code, such as GB or DE.",
  SHIPPING_ADDRESS_REQUIRED: "Add a delivery address before placing the order.",
  PAYMENT_TOKEN_REQUIRED: "Choose a payment card.",
  INVALID_IDEMPOTENCY_KEY: "Something went wrong placing the order. Please try again.",
  UNAUTHENTICATED: "Please sign in to continue.",
  FORBIDDEN: "You don't have access to that.",
  RATE_LIMITED: "You're going a little fast. Please wait a moment and try again.",
  SUBGRAPH_UNAVAILABLE: "Part of the shop is temporarily unavailable.",
  PERSISTED_QUERY_NOT_IN_LIST: "This version of the shop is out of date. Please reload the page.",
};

const generic = "Something went wrong. Please try again.";

export function messageFor(code: string | undefined | null): string {
  if (!code) return generic;
  // The router's codes for a part of the graph that did not answer (SUBGRAPH_UNAVAILABLE, _TIMEOUT, _BAD_RESPONSE, ...).
  if (code.startsWith("SUBGRAPH_")) return messages.SUBGRAPH_UNAVAILABLE!;
  return messages[code] ?? generic;
}

export const cancellationMessages: Record<string, string> = {
  STOCK_REJECTED: "Sorry, some items sold out before we could reserve them. You have not been charged.",
  PAYMENT_DECLINED: "Your card was declined. You have not been charged; please try another card.",
  PAYMENT_UNAVAILABLE: "We couldn't reach the payment provider. You have not been charged; please try again.",
  TIMEOUT: "The order timed out before it could be confirmed. You have not been charged.",
  CUSTOMER: "You cancelled this order.",
};
