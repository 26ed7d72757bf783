import { createProductSearchService } from "./product-search-service.js";
import { createProductService } from "./product-service.js";
import type { ServiceDeps } from "./service-deps.js";

export function createServices(deps: ServiceDeps) {
  return {
    products: createProductService(deps),
    search: createProductSearchService(deps.repositories),
  };
}

export type Services = ReturnType<typeof createServices>;
