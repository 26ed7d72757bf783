import type { Category, CategoryRepository } from "../repositories/category-repository.js";

export interface CategoryTree {
  roots: Category[];
  childrenOf(id: string): Category[];
}

/** The whole tree (a few dozen rows) in one query, at most once per request. */
export function createCategoryTreeLoader(categories: CategoryRepository): () => Promise<CategoryTree> {
  let tree: Promise<CategoryTree> | undefined;
  return () => {
    tree ??= categories.findAll().then((all) => ({
      roots: all.filter((category) => category.parentId === null),
      childrenOf: (id) => all.filter((category) => category.parentId === id),
    }));
    return tree;
  };
}
