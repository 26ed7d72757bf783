import type { BaseRequestContext } from "@shopstream/kernel";
import type { Loaders } from "./loaders/index.js";
import type { Services } from "./services/index.js";

/** What every resolver receives: the verified caller, per-request loaders and the services. */
export interface RecommendationsContext extends BaseRequestContext {
  loaders: Loaders;
  services: Services;
}
