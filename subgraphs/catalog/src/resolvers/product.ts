import type { CatalogContext } from "../context.js";
import type { Product as ProductRow } from "../repositories/product-repository.js";
import type { Resolver } from "./types.js";

type Field = Resolver<ProductRow>;

const brand: Field = (product, _, { loaders }) => loaders.brandById.load(product.brandId);
const categories: Field = (product, _, { loaders }) => loaders.categoriesByProductId.load(product.id);
const images: Field = (product, _, { loaders }) => loaders.imagesByProductId.load(product.id);
const variants: Field = (product, _, { loaders }) => loaders.variantsByProductId.load(product.id);

const priceRange: Field = async (product, _, { loaders }) => {
  const rows = await loaders.variantsByProductId.load(product.id);
  const amounts = rows.map((variant) => variant.priceAmount);
  // createProduct guarantees at least one variant, all in one currency.
  const currency = rows[0]?.currency ?? "EUR";
  return {
    min: { amount: amounts.length > 0 ? Math.min(...amounts) : 0, currency },
    max: { amount: amounts.length > 0 ? Math.max(...amounts) : 0, currency },
  };
};

export const Product = {
  /** Federation: N `{ __typename: "Product", id }` representations cost one query (DataLoader). */
  __resolveReference: (reference: { id: string }, { loaders }: CatalogContext) =>
    loaders.productById.load(reference.id),
  brand,
  categories,
  images,
  variants,
  priceRange,
  createdAt: (product: ProductRow) => product.createdAt.toISOString(),
  updatedAt: (product: ProductRow) => product.updatedAt.toISOString(),
};
