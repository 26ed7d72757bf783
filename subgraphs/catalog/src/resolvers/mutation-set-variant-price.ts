import { requireScope } from "@shopstream/kernel";
import type { MoneyInput } from "../services/money.js";
import type { Resolver } from "./types.js";
import { writeScope } from "./write-scope.js";

export const setVariantPrice: Resolver<
  unknown,
  { input: { variantId: string; price: MoneyInput; compareAtPrice?: MoneyInput | null } }
> = (_, { input }, ctx) => {
  requireScope(ctx.identity, writeScope);
  return ctx.services.products.setVariantPrice(input);
};
