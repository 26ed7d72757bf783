// Full-text product search with keyset pagination and facet counts, in raw SQL because Prisma's
// query builder cannot express tsvector ranking, trigram similarity or the disjunctive facets.
import { Prisma, type Product } from "../../../../prisma/catalog/generated/client/index.js";
import type { Db } from "./db-client.js";
import { flagsExcept, priceBandBounds, type SearchCriteria, scoredCte } from "./product-search-sql.js";

export type SearchSort = "RELEVANCE" | "PRICE_ASC" | "PRICE_DESC" | "NEWEST";

/** Where the previous page ended: the sort key of its last row and that row's id. */
export interface SortKey {
  value: number | string;
  id: string;
}

export interface SearchHit {
  product: Product;
  sortKey: SortKey;
}

export interface FacetRow {
  facet: "total" | "category" | "brand" | "size" | "colour" | "price";
  value: string;
  count: number;
}

const orderings: Record<SearchSort, { column: string; direction: "ASC" | "DESC" }> = {
  RELEVANCE: { column: "rank", direction: "DESC" },
  PRICE_ASC: { column: "min_price", direction: "ASC" },
  PRICE_DESC: { column: "min_price", direction: "DESC" },
  NEWEST: { column: "created_at", direction: "DESC" },
};

/** Row comparison (sort key, id) past the cursor; ids break ties so the order is total. */
function keyset(sort: SearchSort, after: SortKey | null): Prisma.Sql {
  if (!after) return Prisma.empty;
  const { column, direction } = orderings[sort];
  const operator = Prisma.raw(direction === "ASC" ? ">" : "<");
  const value =
    sort === "NEWEST"
      ? Prisma.sql`${after.value}::timestamptz`
      : sort === "RELEVANCE"
        ? Prisma.sql`${after.value}::numeric`
        : Prisma.sql`${after.value}::int`;
  return Prisma.sql`AND (s.${Prisma.raw(column)}, s.id) ${operator} (${value}, ${after.id})`;
}

/** Ranks travel as exact decimal text, prices as integers, times as timestamps. */
const sortValue = (sort: SearchSort) =>
  Prisma.raw(sort === "RELEVANCE" ? "s.rank::text" : `s.${orderings[sort].column}`);

type PageRow = Product & { sortValue: number | string | Date };

export function createProductSearchRepository(db: Db) {
  return {
    async page(criteria: SearchCriteria, sort: SearchSort, after: SortKey | null, limit: number): Promise<SearchHit[]> {
      const { column, direction } = orderings[sort];
      const order = Prisma.raw(`s.${column} ${direction}, s.id ${direction}`);
      const rows = await db.$queryRaw<PageRow[]>`
        ${scoredCte(criteria)}
        SELECT p.id, p.slug, p.name, p.description, p.brand_id AS "brandId", p.status::text AS status,
               p.created_at AS "createdAt", p.updated_at AS "updatedAt", ${sortValue(sort)} AS "sortValue"
        FROM scored s JOIN product p ON p.id = s.id
        WHERE ${flagsExcept()} ${keyset(sort, after)}
        ORDER BY ${order}
        LIMIT ${limit}`;
      return rows.map(({ sortValue, ...product }) => ({
        product,
        sortKey: { value: sortValue instanceof Date ? sortValue.toISOString() : sortValue, id: product.id },
      }));
    },

    /** Total count and every facet, in one statement; each facet ignores its own filter. */
    facets: (criteria: SearchCriteria) => db.$queryRaw<FacetRow[]>`
      ${scoredCte(criteria)},
      category_ancestors AS (
        SELECT id AS category_id, id AS ancestor_id FROM category
        UNION ALL
        SELECT ca.category_id, c.parent_id FROM category_ancestors ca
          JOIN category c ON c.id = ca.ancestor_id WHERE c.parent_id IS NOT NULL
      )
      SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM scored s WHERE ${flagsExcept()}
      UNION ALL
      SELECT 'category', ca.ancestor_id, count(DISTINCT s.id)::int FROM scored s
        JOIN product_category pc ON pc.product_id = s.id
        JOIN category_ancestors ca ON ca.category_id = pc.category_id
        WHERE ${flagsExcept("in_categories")} GROUP BY ca.ancestor_id
      UNION ALL
      SELECT 'brand', s.brand_id, count(*)::int FROM scored s
        WHERE ${flagsExcept("in_brands")} GROUP BY s.brand_id
      UNION ALL
      SELECT 'size', v.size, count(DISTINCT s.id)::int FROM scored s JOIN variant v ON v.product_id = s.id
        WHERE ${flagsExcept("in_sizes")} GROUP BY v.size
      UNION ALL
      SELECT 'colour', v.colour, count(DISTINCT s.id)::int FROM scored s JOIN variant v ON v.product_id = s.id
        WHERE ${flagsExcept("in_colours")} GROUP BY v.colour
      UNION ALL
      SELECT 'price', width_bucket(s.min_price, ${priceBandBounds}::int[])::text, count(*)::int FROM scored s
        WHERE ${flagsExcept("in_price")} GROUP BY 2`,
  };
}
