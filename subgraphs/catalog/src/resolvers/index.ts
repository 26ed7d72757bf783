import { Category } from "./category.js";
import { archiveProduct } from "./mutation-archive-product.js";
import { createProduct } from "./mutation-create-product.js";
import { setVariantPrice } from "./mutation-set-variant-price.js";
import { updateProduct } from "./mutation-update-product.js";
import { Product } from "./product.js";
import { BrandFacet, CategoryFacet, ProductConnection } from "./product-connection.js";
import { categories } from "./query-categories.js";
import { product } from "./query-product.js";
import { products } from "./query-products.js";
import { variant } from "./query-variant.js";
import { Variant } from "./variant.js";

export const resolvers = {
  Query: { product, variant, categories, products },
  Mutation: { createProduct, updateProduct, setVariantPrice, archiveProduct },
  Product,
  Variant,
  Category,
  ProductConnection,
  CategoryFacet,
  BrandFacet,
};
