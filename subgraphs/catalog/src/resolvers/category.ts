import type { Category as CategoryRow } from "../repositories/category-repository.js";
import type { Resolver } from "./types.js";

const parent: Resolver<CategoryRow> = (category, _, { loaders }) =>
  category.parentId === null ? null : loaders.categoryById.load(category.parentId);

const children: Resolver<CategoryRow> = async (category, _, { loaders }) =>
  (await loaders.categoryTree()).childrenOf(category.id);

export const Category = { parent, children };
