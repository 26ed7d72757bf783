// Loaders live for one request, so their cache never outlives it. Many Product.recommendations in
// one request (e.g. a list page) read the products' classification in one query.
import DataLoader from "dataloader";
import type { Repositories } from "../repositories/index.js";

export function createLoaders(repositories: Repositories) {
  const attributeById = new DataLoader(async (ids: readonly string[]) => {
    const byId = new Map((await repositories.attributes.findByIds(ids)).map((row) => [row.productId, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return { attributeById };
}

export type Loaders = ReturnType<typeof createLoaders>;
