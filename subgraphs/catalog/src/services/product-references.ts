// Checks of mutation input against what exists: referenced brand and categories, free slug and skus.
import { type UserError, userError } from "@shopstream/kernel";
import type { Repositories } from "../repositories/index.js";

export interface References {
  brandId?: string;
  categoryIds?: string[];
  /** A slug to claim, and the product that may already hold it (itself, on update). */
  slug?: { value: string; ownerId?: string };
  skus?: string[];
}

export async function checkReferences(repositories: Repositories, refs: References): Promise<UserError[]> {
  const [brands, categories, slugOwners, skuOwners] = await Promise.all([
    refs.brandId ? repositories.brands.findByIds([refs.brandId]) : [],
    refs.categoryIds?.length ? repositories.categories.findByIds(refs.categoryIds) : [],
    refs.slug ? repositories.products.findBySlugs([refs.slug.value]) : [],
    refs.skus?.length ? repositories.variants.findBySkus(refs.skus) : [],
  ]);
  const errors: UserError[] = [];
  if (refs.brandId && brands.length === 0) errors.push(userError("NOT_FOUND", "No such brand.", ["brandId"]));
  const knownCategories = new Set(categories.map((category) => category.id));
  refs.categoryIds?.forEach((id, index) => {
    if (!knownCategories.has(id))
      errors.push(userError("NOT_FOUND", "No such category.", ["categoryIds", String(index)]));
  });
  if (slugOwners.some((owner) => owner.id !== refs.slug?.ownerId))
    errors.push(userError("ALREADY_EXISTS", "Another product already has this slug.", ["slug"]));
  const takenSkus = new Set(skuOwners.map((variant) => variant.sku));
  refs.skus?.forEach((sku, index) => {
    if (takenSkus.has(sku))
      errors.push(userError("ALREADY_EXISTS", "This sku is taken.", ["variants", String(index), "sku"]));
  });
  return errors;
}
