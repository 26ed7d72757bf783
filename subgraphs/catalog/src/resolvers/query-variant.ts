import type { Resolver } from "./types.js";

export const variant: Resolver<unknown, { sku: string }> = (_, { sku }, { loaders }) => loaders.variantBySku.load(sku);
