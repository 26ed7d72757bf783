import { requireScope } from "@shopstream/kernel";
import type { ProductUpdateInput } from "../services/product-update.js";
import type { Resolver } from "./types.js";
import { writeScope } from "./write-scope.js";

export const updateProduct: Resolver<unknown, { input: ProductUpdateInput }> = (_, { input }, ctx) => {
  requireScope(ctx.identity, writeScope);
  return ctx.services.products.updateProduct(input);
};
