import type { ProductPage } from "../services/product-search-service.js";
import type { Resolver } from "./types.js";

// totalCount and facets share one lazily run SQL statement (see ProductPage.facets).
export const ProductConnection = {
  totalCount: async (page: ProductPage) => (await page.facets()).total,
  facets: (page: ProductPage) => page.facets(),
};

const category: Resolver<{ categoryId: string }> = (facet, _, { loaders }) =>
  loaders.categoryById.load(facet.categoryId);
const brand: Resolver<{ brandId: string }> = (facet, _, { loaders }) => loaders.brandById.load(facet.brandId);

export const CategoryFacet = { category };
export const BrandFacet = { brand };
