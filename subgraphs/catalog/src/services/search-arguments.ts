// products(search, filter, sort, first, after): argument checks and their translation into
// search criteria. Bad arguments are GraphQL errors (BAD_USER_INPUT) and nothing is queried.
import { badUserInput } from "@shopstream/kernel";
import type { SearchSort } from "../repositories/product-search-repository.js";
import type { SearchCriteria } from "../repositories/product-search-sql.js";

export interface ProductFilterInput {
  categoryIds?: string[] | null;
  brandIds?: string[] | null;
  sizes?: string[] | null;
  colours?: string[] | null;
  price?: { min?: number | null; max?: number | null } | null;
}

export interface ProductsArgs {
  search?: string | null;
  filter?: ProductFilterInput | null;
  sort?: SearchSort | null;
  first?: number | null;
  after?: string | null;
}

export const maxPageSize = 100;
const defaultPageSize = 24;
const maxSearchLength = 200;
const maxFilterValues = 50;

/** An empty list means "no filter on this dimension", like leaving it out. */
function values(list: string[] | null | undefined, name: string): string[] | null {
  if (!list || list.length === 0) return null;
  if (list.length > maxFilterValues) throw badUserInput(`filter.${name} takes at most ${maxFilterValues} values.`);
  return [...new Set(list)].sort();
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? defaultPageSize;
  if (size < 0 || size > maxPageSize)
    throw badUserInput(`first must be between 0 and ${maxPageSize}.`, { argument: "first" });
  return size;
}

export function toCriteria(args: ProductsArgs): SearchCriteria {
  const text = args.search?.trim() || null;
  if (text && text.length > maxSearchLength)
    throw badUserInput(`search must be at most ${maxSearchLength} characters.`, { argument: "search" });
  const price = args.filter?.price;
  const priceMin = price?.min ?? null;
  const priceMax = price?.max ?? null;
  if ((priceMin !== null && priceMin < 0) || (priceMax !== null && priceMax < 0))
    throw badUserInput("filter.price bounds must be zero or more.", { argument: "filter" });
  if (priceMin !== null && priceMax !== null && priceMin > priceMax)
    throw badUserInput("filter.price.min must not exceed filter.price.max.", { argument: "filter" });
  return {
    text,
    categoryIds: values(args.filter?.categoryIds, "categoryIds"),
    brandIds: values(args.filter?.brandIds, "brandIds"),
    sizes: values(args.filter?.sizes, "sizes"),
    colours: values(args.filter?.colours, "colours"),
    priceMin,
    priceMax,
  };
}

/** Relevance means nothing without search text: it then falls back to newest first. */
export function effectiveSort(sort: SearchSort | null | undefined, criteria: SearchCriteria): SearchSort {
  const requested = sort ?? "RELEVANCE";
  return requested === "RELEVANCE" && !criteria.text ? "NEWEST" : requested;
}
