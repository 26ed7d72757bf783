import type { Resolver } from "./types.js";

export const categories: Resolver<unknown> = async (_, __, { loaders }) => (await loaders.categoryTree()).roots;
