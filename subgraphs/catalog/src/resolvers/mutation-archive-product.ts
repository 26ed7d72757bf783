import { requireScope } from "@shopstream/kernel";
import type { Resolver } from "./types.js";
import { writeScope } from "./write-scope.js";

export const archiveProduct: Resolver<unknown, { id: string }> = (_, { id }, ctx) => {
  requireScope(ctx.identity, writeScope);
  return ctx.services.products.archiveProduct(id);
};
