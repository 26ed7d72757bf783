// Product entity extension: customers who bought this also bought.
import type { RecommendationsContext } from "../context.js";
import { checkFirst } from "../services/first-argument.js";
import { productRefs } from "./product-ref.js";

export const Product = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  recommendations: async (product: { id: string }, args: { first: number }, ctx: RecommendationsContext) => {
    const first = checkFirst(args.first);
    const attribute = await ctx.loaders.attributeById.load(product.id);
    return productRefs(await ctx.services.recommendations.forProduct(product.id, attribute, first));
  },
};
