import { createBrandRepository } from "./brand-repository.js";
import { createCategoryRepository } from "./category-repository.js";
import type { Db } from "./db-client.js";
import { createProductImageRepository } from "./product-image-repository.js";
import { createProductRepository } from "./product-repository.js";
import { createProductSearchRepository } from "./product-search-repository.js";
import { createVariantRepository } from "./variant-repository.js";

export function createRepositories(db: Db) {
  return {
    products: createProductRepository(db),
    variants: createVariantRepository(db),
    brands: createBrandRepository(db),
    categories: createCategoryRepository(db),
    images: createProductImageRepository(db),
    search: createProductSearchRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
