// Facet counts must equal a brute-force count over the same products. The products are this
// file's own (found by a unique word), so the seed and parallel tests cannot change the counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priceBandBounds } from "../src/repositories/product-search-sql.js";
import { createBrand, createCategory, createProduct, type TestVariant, uniqueWord } from "./support/fixtures.js";
import { type Harness, startHarness } from "./support/harness.js";

const facetsQuery = `
  query Facets($search: String, $filter: ProductFilter) {
    products(search: $search, filter: $filter, first: 100) {
      totalCount
      edges { node { id } }
      facets {
        categories { category { id } count }
        brands { brand { id } count }
        sizes { value count }
        colours { value count }
        priceBands { min max count }
      }
    }
  }`;

interface Known {
  id: string;
  brandId: string;
  categoryIds: string[]; // the assigned category and all its ancestors
  variants: TestVariant[];
  active: boolean;
}

interface Filter {
  categoryIds?: string[];
  brandIds?: string[];
  sizes?: string[];
  colours?: string[];
  price?: { min?: number; max?: number };
}

type Dimension = "categories" | "brands" | "sizes" | "colours" | "price";

const minPrice = (product: Known) => Math.min(...product.variants.map((variant) => variant.amount));

/** The filter semantics, spelled out the slow and obvious way. */
function matches(product: Known, filter: Filter, ignore?: Dimension): boolean {
  if (!product.active) return false;
  const { categoryIds, brandIds, sizes, colours, price } = filter;
  if (ignore !== "categories" && categoryIds && !categoryIds.some((id) => product.categoryIds.includes(id)))
    return false;
  if (ignore !== "brands" && brandIds && !brandIds.includes(product.brandId)) return false;
  if (ignore !== "sizes" && sizes && !product.variants.some((variant) => sizes.includes(variant.size))) return false;
  if (ignore !== "colours" && colours && !product.variants.some((variant) => colours.includes(variant.colour)))
    return false;
  if (ignore !== "price" && price) {
    const amount = minPrice(product);
    if (price.min !== undefined && amount < price.min) return false;
    if (price.max !== undefined && amount > price.max) return false;
  }
  return true;
}

function countBy(products: Known[], keys: (product: Known) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const product of products) for (const key of new Set(keys(product))) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function bruteForce(products: Known[], filter: Filter) {
  const except = (dimension: Dimension) => products.filter((product) => matches(product, filter, dimension));
  const band = (amount: number) => priceBandBounds.filter((bound) => bound <= amount).at(-1)!;
  return {
    total: products.filter((product) => matches(product, filter)).length,
    categories: countBy(except("categories"), (product) => product.categoryIds),
    brands: countBy(except("brands"), (product) => [product.brandId]),
    sizes: countBy(except("sizes"), (product) => product.variants.map((variant) => variant.size)),
    colours: countBy(except("colours"), (product) => product.variants.map((variant) => variant.colour)),
    priceBands: countBy(except("price"), (product) => [String(band(minPrice(product)))]),
  };
}

type FacetRow = { count: number; value?: string; min?: number; category?: { id: string }; brand?: { id: string } };

const asCounts = (rows: FacetRow[], key: (row: FacetRow) => string | undefined) =>
  Object.fromEntries(rows.map((row) => [key(row), row.count]));

describe("facet counts", () => {
  let harness: Harness;
  const word = uniqueWord();
  const known: Known[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startHarness();
    const brands = await Promise.all([0, 1, 2].map(() => createBrand(harness.prisma)));
    const women = await createCategory(harness.prisma);
    const dresses = await createCategory(harness.prisma, women.id);
    const tops = await createCategory(harness.prisma, women.id);
    const bags = await createCategory(harness.prisma);
    Object.assign(ids, { women: women.id, dresses: dresses.id, bags: bags.id, b0: brands[0]!.id, b1: brands[1]!.id });
    const leaves = [[dresses.id, women.id], [tops.id, women.id], [bags.id]];
    const sizes = ["S", "M", "L", "XL"];
    const colours = ["Red", "Blue", "Green"];
    const prices = [1500, 3000, 7000, 15000, 30000, 50000];
    for (let i = 0; i < 18; i++) {
      const leaf = leaves[Math.floor(i / 2) % 3]!;
      const variants = [0, 1].map((k) => ({
        size: sizes[(i + k * 2) % sizes.length]!,
        colour: colours[(i + k) % colours.length]!,
        amount: prices[(i + k) % prices.length]!,
      }));
      const active = i !== 17; // one archived product must never be counted
      const product = await createProduct(harness, {
        name: `${word} Item ${i}`,
        brandId: brands[i % 3]!.id,
        categoryIds: [leaf[0]!],
        variants,
        status: active ? "ACTIVE" : "ARCHIVED",
      });
      known.push({ id: product.id, brandId: brands[i % 3]!.id, categoryIds: leaf, variants, active });
    }
  });
  afterAll(() => harness.close());

  const filters: Array<[string, () => Filter]> = [
    ["no filter", () => ({})],
    ["brand + size + price", () => ({ brandIds: [ids.b0!, ids.b1!], sizes: ["M"], price: { min: 2000 } })],
    ["a parent category (includes its children)", () => ({ categoryIds: [ids.women!] })],
    [
      "category + colour + price range",
      () => ({ categoryIds: [ids.dresses!, ids.bags!], colours: ["Red", "Blue"], price: { min: 3000, max: 30000 } }),
    ],
  ];

  for (const [label, filter] of filters) {
    it(`equal brute-force counts with ${label}`, async () => {
      const result = await harness.gql(facetsQuery, { search: word, filter: filter() });
      expect(result.errors).toBeUndefined();
      const { totalCount, edges, facets } = result.data.products;
      const expected = bruteForce(known, filter());
      expect(expected.total).toBeGreaterThan(0); // the filter must not make the test vacuous
      expect(totalCount).toBe(expected.total);
      expect(edges).toHaveLength(expected.total);
      expect(asCounts(facets.categories, (f) => f.category?.id)).toEqual(expected.categories);
      expect(asCounts(facets.brands, (f) => f.brand?.id)).toEqual(expected.brands);
      expect(asCounts(facets.sizes, (f) => f.value)).toEqual(expected.sizes);
      expect(asCounts(facets.colours, (f) => f.value)).toEqual(expected.colours);
      expect(asCounts(facets.priceBands, (f) => String(f.min))).toEqual(expected.priceBands);
    });
  }
});
