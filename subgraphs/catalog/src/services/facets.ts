// Shapes the facet rows of one SQL statement into the ProductFacets the schema exposes.
import type { FacetRow } from "../repositories/product-search-repository.js";
import { priceBandBounds } from "../repositories/product-search-sql.js";

export interface Facets {
  total: number;
  categories: Array<{ categoryId: string; count: number }>;
  brands: Array<{ brandId: string; count: number }>;
  sizes: Array<{ value: string; count: number }>;
  colours: Array<{ value: string; count: number }>;
  priceBands: Array<{ min: number; max: number | null; count: number }>;
}

const sizeOrder = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "One Size"];
const sizeRank = (size: string) => {
  const index = sizeOrder.indexOf(size);
  return index === -1 ? sizeOrder.length + (Number.parseFloat(size) || 0) : index;
};

const byCountThenValue = (a: { count: number; value: string }, b: { count: number; value: string }) =>
  b.count - a.count || a.value.localeCompare(b.value);

export function toFacets(rows: FacetRow[]): Facets {
  const of = (facet: FacetRow["facet"]) =>
    rows.filter((row) => row.facet === facet).map(({ value, count }) => ({ value, count }));
  return {
    total: of("total")[0]?.count ?? 0,
    categories: of("category")
      .sort(byCountThenValue)
      .map(({ value, count }) => ({ categoryId: value, count })),
    brands: of("brand")
      .sort(byCountThenValue)
      .map(({ value, count }) => ({ brandId: value, count })),
    sizes: of("size").sort((a, b) => sizeRank(a.value) - sizeRank(b.value) || a.value.localeCompare(b.value)),
    colours: of("colour").sort(byCountThenValue),
    priceBands: of("price")
      .map(({ value, count }) => {
        const band = Number(value); // width_bucket: 1-based index of the band's lower bound
        return { min: priceBandBounds[band - 1] ?? 0, max: priceBandBounds[band] ?? null, count };
      })
      .sort((a, b) => a.min - b.min),
  };
}
