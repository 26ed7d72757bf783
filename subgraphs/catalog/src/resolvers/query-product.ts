import { badUserInput, hasScope } from "@shopstream/kernel";
import type { Resolver } from "./types.js";
import { writeScope } from "./write-scope.js";

export const product: Resolver<unknown, { id?: string | null; slug?: string | null }> = async (
  _,
  { id, slug },
  { loaders, identity },
) => {
  if ((id == null) === (slug == null)) throw badUserInput("Give exactly one of id and slug.");
  const found = await (id != null ? loaders.productById.load(id) : loaders.productBySlug.load(slug!));
  // Drafts are unpublished: only catalog editors may see them. Archived products stay visible
  // (old orders and links point at them).
  if (found?.status === "DRAFT" && !hasScope(identity, writeScope)) return null;
  return found;
};
