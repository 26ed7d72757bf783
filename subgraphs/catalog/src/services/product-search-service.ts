// products(...): one page of a search as a Relay connection. The facets (and totalCount, which
// comes from the same statement) are only queried when the client asks for them.

import type { Repositories } from "../repositories/index.js";
import type { Product } from "../repositories/product-repository.js";
import { criteriaFingerprint, decodeCursor, encodeCursor } from "./cursor.js";
import { type Facets, toFacets } from "./facets.js";
import { effectiveSort, type ProductsArgs, pageSize, toCriteria } from "./search-arguments.js";

export interface ProductPage {
  edges: Array<{ cursor: string; node: Product }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  facets: () => Promise<Facets>;
}

export function createProductSearchService(repositories: Repositories) {
  return {
    async search(args: ProductsArgs): Promise<ProductPage> {
      const criteria = toCriteria(args);
      const limit = pageSize(args.first);
      const sort = effectiveSort(args.sort, criteria);
      const fingerprint = criteriaFingerprint(criteria);
      const after = args.after ? decodeCursor(args.after, sort, fingerprint) : null;
      // One extra row tells whether another page follows.
      const hits = limit === 0 ? [] : await repositories.search.page(criteria, sort, after, limit + 1);
      const edges = hits.slice(0, limit).map((hit) => ({
        cursor: encodeCursor(sort, fingerprint, hit.sortKey),
        node: hit.product,
      }));
      let facets: Promise<Facets> | undefined;
      return {
        edges,
        pageInfo: {
          hasNextPage: hits.length > limit,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        facets: () => {
          facets ??= repositories.search.facets(criteria).then(toFacets);
          return facets;
        },
      };
    },
  };
}

export type ProductSearchService = ReturnType<typeof createProductSearchService>;
