// updateProduct: a field left out (or null) stays as it is. Only fields whose value really
// changes are written and named in the event's changedFields.
import type { UserError } from "@shopstream/kernel";
import type { Product, ProductChanges, ProductStatus } from "../repositories/product-repository.js";
import { checkImages, checkSlug, checkText, type ImageInput, textLimits } from "./product-validation.js";

export interface ProductUpdateInput {
  id: string;
  name?: string | null;
  slug?: string | null;
  description?: string | null;
  brandId?: string | null;
  categoryIds?: string[] | null;
  images?: ImageInput[] | null;
  status?: ProductStatus | null;
}

export function validateProductUpdate(input: ProductUpdateInput): UserError[] {
  return [
    ...(input.name != null ? checkText(input.name.trim(), "name", textLimits.name) : []),
    ...(input.slug != null ? checkSlug(input.slug) : []),
    ...(input.description != null ? checkText(input.description, "description", textLimits.description, false) : []),
    ...(input.images ? checkImages(input.images) : []),
  ];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((item) => b.includes(item));

export function diffProduct(current: Product, currentCategoryIds: string[], input: ProductUpdateInput) {
  const changes: ProductChanges = {};
  const name = input.name?.trim();
  if (name != null && name !== current.name) changes.name = name;
  if (input.slug != null && input.slug !== current.slug) changes.slug = input.slug;
  if (input.description != null && input.description !== current.description) changes.description = input.description;
  if (input.brandId != null && input.brandId !== current.brandId) changes.brandId = input.brandId;
  if (input.status != null && input.status !== current.status) changes.status = input.status;
  if (input.categoryIds && !sameSet(input.categoryIds, currentCategoryIds)) changes.categoryIds = input.categoryIds;
  // Images are replaced as a list whenever given: their order matters and they carry no identity.
  if (input.images) changes.images = input.images.map((image) => ({ url: image.url, alt: image.alt ?? "" }));
  return { changes, changedFields: Object.keys(changes) };
}
