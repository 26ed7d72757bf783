// What every resolver gets: the caller, per-request loaders and the monolith's settings.
import type { BaseRequestContext } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";

export interface LegacyContext extends BaseRequestContext {
  loaders: Loaders;
  lowStockAt: number;
}
