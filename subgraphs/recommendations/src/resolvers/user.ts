// User entity extension: personal picks (the user themself or recommendations:admin).
import type { RecommendationsContext } from "../context.js";
import { checkFirst } from "../services/first-argument.js";
import { productRefs } from "./product-ref.js";

export const User = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  recommendedProducts: async (user: { id: string }, args: { first: number }, ctx: RecommendationsContext) =>
    productRefs(await ctx.services.recommendations.forUser(ctx.identity, user.id, checkFirst(args.first))),
};
