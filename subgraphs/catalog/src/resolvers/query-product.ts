import { badUserInput } from "@shopstream/kernel";
import type { Resolver } from "./types.js";

export const product: Resolver<unknown, { id?: string | null; slug?: string | null }> = (
  _,
  { id, slug },
  { loaders },
) => {
  if ((id == null) === (slug == null)) throw badUserInput("Give exactly one of id and slug.");
  return id != null ? loaders.productById.load(id) : loaders.productBySlug.load(slug!);
};
