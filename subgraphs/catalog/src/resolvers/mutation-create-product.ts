import { requireScope } from "@shopstream/kernel";
import type { CreateProductInput } from "../services/product-service.js";
import type { Resolver } from "./types.js";
import { writeScope } from "./write-scope.js";

export const createProduct: Resolver<unknown, { input: CreateProductInput }> = (_, { input }, ctx) => {
  requireScope(ctx.identity, writeScope);
  return ctx.services.products.createProduct(input);
};
