import type { ProductsArgs } from "../services/search-arguments.js";
import type { Resolver } from "./types.js";

export const products: Resolver<unknown, ProductsArgs> = async (_, args, { services, loaders }) => {
  const page = await services.search.search(args);
  // The search rows are whole products: later lookups of them in this request cost nothing.
  for (const edge of page.edges) loaders.productById.prime(edge.node.id, edge.node);
  return page;
};
