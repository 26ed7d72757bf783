import type { CatalogContext } from "../context.js";
import type { Variant as VariantRow } from "../repositories/variant-repository.js";
import type { Resolver } from "./types.js";

const product: Resolver<VariantRow> = (variant, _, { loaders }) => loaders.productById.load(variant.productId);

export const Variant = {
  /** Federation: N `{ __typename: "Variant", id }` representations cost one query (DataLoader). */
  __resolveReference: (reference: { id: string }, { loaders }: CatalogContext) =>
    loaders.variantById.load(reference.id),
  product,
  options: (variant: VariantRow) => [
    { name: "size", value: variant.size },
    { name: "colour", value: variant.colour },
  ],
  price: (variant: VariantRow) => ({ amount: variant.priceAmount, currency: variant.currency }),
  compareAtPrice: (variant: VariantRow) =>
    variant.compareAtAmount === null ? null : { amount: variant.compareAtAmount, currency: variant.currency },
};
