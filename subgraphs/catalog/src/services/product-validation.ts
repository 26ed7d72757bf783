// Checks on mutation input that need no database. Every problem is reported (not just the first),
// each with the input path at fault, so a form can mark all its fields at once.
import { slugPattern, type UserError, userError } from "@shopstream/kernel";
import { type MoneyInput, validatePricePair } from "./money.js";

export interface ImageInput {
  url: string;
  alt?: string | null;
}

export interface VariantInput {
  sku: string;
  size: string;
  colour: string;
  price: MoneyInput;
  compareAtPrice?: MoneyInput | null;
}

const limits = { name: 200, slug: 120, description: 5_000, option: 40, images: 20, variants: 100 };
const skuPattern = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

export function checkText(value: string, field: string, max: number, required = true): UserError[] {
  if (required && value.trim() === "") return [userError("REQUIRED", `${field} must not be empty.`, [field])];
  if (value.length > max) return [userError("TOO_LONG", `${field} must be at most ${max} characters.`, [field])];
  return [];
}

export function checkSlug(slug: string): UserError[] {
  if (slug.length > limits.slug)
    return [userError("TOO_LONG", `slug must be at most ${limits.slug} characters.`, ["slug"])];
  if (!slugPattern.test(slug))
    return [userError("INVALID_FORMAT", "slug must be lowercase letters and digits separated by dashes.", ["slug"])];
  return [];
}

export function checkImages(images: ImageInput[]): UserError[] {
  if (images.length > limits.images) return [userError("TOO_LONG", `At most ${limits.images} images.`, ["images"])];
  return images.flatMap((image, index) =>
    /^https?:\/\/\S+$/.test(image.url)
      ? []
      : [userError("INVALID_FORMAT", "An image url must be an http(s) URL.", ["images", String(index), "url"])],
  );
}

export function checkVariants(variants: VariantInput[]): UserError[] {
  if (variants.length === 0) return [userError("REQUIRED", "A product needs at least one variant.", ["variants"])];
  if (variants.length > limits.variants)
    return [userError("TOO_LONG", `At most ${limits.variants} variants.`, ["variants"])];
  const errors: UserError[] = [];
  const seenSkus = new Set<string>();
  variants.forEach((variant, index) => {
    const at = (...rest: string[]) => ["variants", String(index), ...rest];
    if (!skuPattern.test(variant.sku))
      errors.push(userError("INVALID_FORMAT", "sku must be 2-64 uppercase letters, digits or dashes.", at("sku")));
    else if (seenSkus.has(variant.sku)) errors.push(userError("ALREADY_EXISTS", "Duplicate sku.", at("sku")));
    seenSkus.add(variant.sku);
    for (const option of ["size", "colour"] as const) {
      const value = variant[option];
      if (value.trim() === "") errors.push(userError("REQUIRED", `${option} must not be empty.`, at(option)));
      else if (value.length > limits.option) errors.push(userError("TOO_LONG", `${option} is too long.`, at(option)));
    }
    errors.push(...validatePricePair(variant.price, variant.compareAtPrice, at()));
  });
  // One currency per product keeps its price range and price-band facets meaningful.
  const currencies = new Set(variants.map((variant) => variant.price.currency));
  if (errors.length === 0 && currencies.size > 1)
    errors.push(userError("CURRENCY_MISMATCH", "All variants of a product must use one currency.", ["variants"]));
  return errors;
}

export const textLimits = limits;
