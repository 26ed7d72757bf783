// What every resolver gets: the caller, per-request loaders, the monolith's order endpoints and
// its settings.
import type { BaseRequestContext } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";
import type { LegacyOrderHistory } from "./services/legacy-order-history.js";

export interface LegacyContext extends BaseRequestContext {
  loaders: Loaders;
  orderHistory: LegacyOrderHistory;
  lowStockAt: number;
}
