import type { Db } from "../db.js";
import { createOrderFactsRepository } from "./order-facts-repository.js";
import { createProductAttributeRepository } from "./product-attribute-repository.js";
import { createRankingRepository } from "./ranking-repository.js";
import { createUserProfileRepository } from "./user-profile-repository.js";

/** Built on the shared client for reads, or on a transaction client inside an event handler. */
export function createRepositories(db: Db) {
  return {
    attributes: createProductAttributeRepository(db),
    orderFacts: createOrderFactsRepository(db),
    rankings: createRankingRepository(db),
    profiles: createUserProfileRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
