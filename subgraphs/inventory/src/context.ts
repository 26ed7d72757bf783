// What every resolver gets: the caller, per-request loaders and the services.
import type { BaseRequestContext } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";
import type { InventoryServices } from "./services/index.js";

export interface InventoryContext extends BaseRequestContext {
  loaders: Loaders;
  /** Fresh loaders: a subscription's context outlives one read (resolvers/subscription.ts). */
  newLoaders(): Loaders;
  services: InventoryServices;
  lowStockThreshold: number;
}
