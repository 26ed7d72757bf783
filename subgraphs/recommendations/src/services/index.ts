import type { RedisCache } from "@shopstream/kernel";
import type { Repositories } from "../repositories/index.js";
import { createRecommendationService } from "./recommendation-service.js";

export interface ServiceDeps {
  repositories: Repositories;
  cache: RedisCache;
  trendingTtlSeconds: number;
  now?: () => Date;
}

export function createServices(deps: ServiceDeps) {
  return { recommendations: createRecommendationService(deps) };
}

export type Services = ReturnType<typeof createServices>;
