// SQL shared by the search page and its facets. `scored` holds every ACTIVE product matching the
// search text, with its rank, lowest variant price and one boolean per filter dimension. Keeping
// the filters as flags (instead of WHERE clauses) is what lets each facet drop its own filter.
import { Prisma } from "../../../../prisma/catalog/generated/client/index.js";

export interface SearchCriteria {
  /** Already trimmed; null means "no text search". */
  text: string | null;
  categoryIds: string[] | null;
  brandIds: string[] | null;
  sizes: string[] | null;
  colours: string[] | null;
  priceMin: number | null;
  priceMax: number | null;
}

export type FilterFlag = "in_categories" | "in_brands" | "in_sizes" | "in_colours" | "in_price";
export const allFlags: FilterFlag[] = ["in_categories", "in_brands", "in_sizes", "in_colours", "in_price"];

/** Lower bounds of the price bands (minor units); the last band is open-ended. */
export const priceBandBounds = [0, 2_500, 5_000, 10_000, 20_000, 40_000];

const tsQuery = (text: string) => Prisma.sql`websearch_to_tsquery('english', ${text})`;

const variantFlag = (column: "size" | "colour", values: string[] | null) =>
  values
    ? Prisma.sql`EXISTS (SELECT 1 FROM variant v WHERE v.product_id = p.id AND v.${Prisma.raw(column)} = ANY(${values}::text[]))`
    : Prisma.sql`TRUE`;

/**
 * Relevance: full-text rank (name A > brand B > description C) plus trigram word similarity of
 * the query to the name.
 */
function rank(text: string | null) {
  if (!text) return Prisma.sql`0::numeric`;
  // Rounded to an exact numeric: a float read back from a cursor may not compare equal to the
  // recomputed rank, which would drop rows that tie with the previous page's last one.
  return Prisma.sql`round((ts_rank(p.search_vector, ${tsQuery(text)}) + word_similarity(${text}, p.name))::numeric, 6)`;
}

/**
 * Full-text match; only when NOTHING matches that way do trigram lookalikes of the name count
 * ("did you mean"), so a typo finds "Leather" but a correct "tee" does not drag in "Tencel".
 */
function textMatch(text: string | null) {
  if (!text) return Prisma.empty;
  return Prisma.sql`AND (p.search_vector @@ ${tsQuery(text)}
    OR (${text} <% p.name AND NOT EXISTS (
      SELECT 1 FROM product exact WHERE exact.status = 'ACTIVE' AND exact.search_vector @@ ${tsQuery(text)})))`;
}

function priceFlag(min: number | null, max: number | null) {
  const lower = min === null ? Prisma.sql`TRUE` : Prisma.sql`b.min_price >= ${min}`;
  const upper = max === null ? Prisma.sql`TRUE` : Prisma.sql`b.min_price <= ${max}`;
  return Prisma.sql`(${lower} AND ${upper})`;
}

/** `WITH RECURSIVE selected_categories, base, scored` for the criteria. */
export function scoredCte(c: SearchCriteria): Prisma.Sql {
  const categoryFlag = c.categoryIds
    ? Prisma.sql`EXISTS (SELECT 1 FROM product_category pc WHERE pc.product_id = p.id
                   AND pc.category_id IN (SELECT id FROM selected_categories))`
    : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH RECURSIVE selected_categories AS (
      SELECT id FROM category WHERE id = ANY(${c.categoryIds ?? []}::text[])
      UNION SELECT child.id FROM category child JOIN selected_categories s ON child.parent_id = s.id
    ),
    base AS (
      SELECT p.id, p.brand_id, p.created_at, ${rank(c.text)} AS rank,
        coalesce((SELECT min(v.price_amount) FROM variant v WHERE v.product_id = p.id), 0) AS min_price,
        ${categoryFlag} AS in_categories,
        ${c.brandIds ? Prisma.sql`p.brand_id = ANY(${c.brandIds}::text[])` : Prisma.sql`TRUE`} AS in_brands,
        ${variantFlag("size", c.sizes)} AS in_sizes,
        ${variantFlag("colour", c.colours)} AS in_colours
      FROM product p
      WHERE p.status = 'ACTIVE' ${textMatch(c.text)}
    ),
    scored AS (SELECT b.*, ${priceFlag(c.priceMin, c.priceMax)} AS in_price FROM base b)`;
}

/** `s.flag AND ...` for every filter except the ones left out. */
export function flagsExcept(...excluded: FilterFlag[]): Prisma.Sql {
  const flags = allFlags.filter((flag) => !excluded.includes(flag));
  return Prisma.raw(flags.map((flag) => `s.${flag}`).join(" AND "));
}
