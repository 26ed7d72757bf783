// The per-request context of the orders subgraph and the rule for whose cart a request means.
import type { BaseRequestContext, Identity } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";
import type { CartOwner } from "./repositories/carts.js";
import type { OrdersServices } from "./services/index.js";

export interface OrdersContext extends BaseRequestContext {
  services: OrdersServices;
  loaders: Loaders;
  /** Fresh loaders: a subscription's context outlives one read (resolvers/subscription.ts). */
  newLoaders(): Loaders;
}

/** A signed-in user always means their own cart (a guest cart joins it via mergeGuestCart). */
export function cartOwner(identity: Identity, cartToken: string | null | undefined): CartOwner | null {
  if (identity.userId) return { userId: identity.userId };
  return cartToken ? { guestToken: cartToken } : null;
}
