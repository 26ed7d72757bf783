// Search with facets (brand, category, size, colour, price band), sorting and "load more"
// (cursor pagination). The URL holds the state, so a search can be shared or reloaded.
import { useQuery } from "@apollo/client/react";
import { startTransition, useOptimistic, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ErrorNotice } from "../components/error-notice";
import { ProductGrid } from "../components/product-card";
import type { ProductFilter, ProductSort, SearchProductsQuery as SearchResult } from "../gql/graphql";
import { SearchProductsQuery } from "../operations/products";

const sorts: Array<[ProductSort, string]> = [
  ["RELEVANCE", "Best match"],
  ["NEWEST", "Newest"],
  ["PRICE_ASC", "Price: low to high"],
  ["PRICE_DESC", "Price: high to low"],
];

function filterFrom(params: URLSearchParams): ProductFilter {
  const list = (name: string) => (params.getAll(name).length ? params.getAll(name) : undefined);
  const band = params.get("price");
  const [min, max] = band ? band.split("-").map((part) => (part ? Number(part) : undefined)) : [];
  return {
    brandIds: list("brand"),
    categoryIds: list("category"),
    sizes: list("size"),
    colours: list("colour"),
    price: band ? { min, max } : undefined,
  };
}

function FacetGroup(props: {
  legend: string;
  name: string;
  options: Array<{ value: string; label: string; count: number }>;
  params: URLSearchParams;
  toggle: (name: string, value: string) => void;
}) {
  if (props.options.length === 0) return null;
  const selected = props.params.getAll(props.name);
  return (
    <fieldset className="facet">
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const id = `${props.name}-${option.value}`;
        return (
          <div key={option.value}>
            <input
              type="checkbox"
              id={id}
              checked={selected.includes(option.value)}
              onChange={() => props.toggle(props.name, option.value)}
            />
            <label htmlFor={id}>
              {option.label} ({option.count})
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

type Facets = SearchResult["products"]["facets"];
const priceLabel = (min: number, max: number | null | undefined) =>
  max === null || max === undefined ? `${min / 100}+` : `${min / 100}–${max / 100}`;

/** The facet groups in display order; values are what the URL (and the filter) holds. */
const facetGroups = (facets: Facets) => [
  {
    legend: "Brand",
    name: "brand",
    options: facets.brands.map((f) => ({ value: f.brand.id, label: f.brand.name, count: f.count })),
  },
  {
    legend: "Category",
    name: "category",
    options: facets.categories.map((f) => ({ value: f.category.id, label: f.category.name, count: f.count })),
  },
  {
    legend: "Size",
    name: "size",
    options: facets.sizes.map((f) => ({ value: f.value, label: f.value, count: f.count })),
  },
  {
    legend: "Colour",
    name: "colour",
    options: facets.colours.map((f) => ({ value: f.value, label: f.value, count: f.count })),
  },
  {
    legend: "Price",
    name: "price",
    options: facets.priceBands.map((f) => ({
      value: `${f.min}-${f.max ?? ""}`,
      label: priceLabel(f.min, f.max),
      count: f.count,
    })),
  },
];

const sortFrom = (params: URLSearchParams): ProductSort =>
  (params.get("sort") as ProductSort | null) ?? (params.get("q") ? "RELEVANCE" : "NEWEST");

const wideScreen = () => window.matchMedia("(min-width: 48rem)").matches;

export function SearchPage() {
  const [urlParams, setUrlParams] = useSearchParams();
  // The router applies a URL change in a transition; until it commits, the facets and the sort show
  // the shopper's choice rather than snapping back to the old URL's.
  const [params, showParams] = useOptimistic(urlParams);
  const setParams = (next: URLSearchParams) =>
    startTransition(() => {
      showParams(next);
      setUrlParams(next);
    });
  const [filtersOpen, setFiltersOpen] = useState(wideScreen);
  const search = urlParams.get("q") || null;
  const result = useQuery(SearchProductsQuery, {
    variables: { search, filter: filterFrom(urlParams), sort: sortFrom(urlParams) },
  });
  // The last answer stays on screen (facets included) while a changed search loads.
  const products = (result.data ?? result.previousData)?.products;
  const toggle = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    const values = next.getAll(name);
    next.delete(name);
    const kept = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    for (const v of name === "price" ? kept.slice(-1) : kept) next.append(name, v);
    setParams(next);
  };
  const facets = products?.facets;
  return (
    <>
      <h1>{search ? `Results for “${search}”` : "All products"}</h1>
      <div className="search-layout">
        <aside aria-label="Filters">
          {/* Collapsed on phones so results come first; open from tablet width up. */}
          <details
            className="filters"
            open={filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
          >
            <summary>Filters</summary>
            {facets &&
              facetGroups(facets).map((group) => (
                <FacetGroup key={group.name} {...group} params={params} toggle={toggle} />
              ))}
          </details>
        </aside>
        <section aria-label="Products">
          <div className="toolbar">
            <p aria-live="polite">{products ? `${products.totalCount} products` : result.loading ? "Loading…" : ""}</p>
            <label htmlFor="sort">Sort by</label>
            <select
              id="sort"
              value={sortFrom(params)}
              onChange={(event) => {
                const next = new URLSearchParams(params);
                next.set("sort", event.target.value);
                setParams(next);
              }}
            >
              {sorts.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {result.error && (
            <ErrorNotice error={result.error} retry={() => result.refetch()} partial={Boolean(products)} />
          )}
          {products && <ProductGrid products={products.edges.map((edge) => edge.node)} label="Search results" />}
          {products?.pageInfo.hasNextPage && (
            <button
              type="button"
              onClick={() => result.fetchMore({ variables: { after: products.pageInfo.endCursor } })}
            >
              Load more
            </button>
          )}
        </section>
      </div>
    </>
  );
}
