import type { RecommendationsContext } from "../context.js";
import type { TrendingWindow } from "../services/cache-keys.js";
import { checkFirst } from "../services/first-argument.js";
import { productRefs } from "./product-ref.js";

export const trending = async (
  _: unknown,
  args: { first: number; window: TrendingWindow },
  ctx: RecommendationsContext,
) => productRefs(await ctx.services.recommendations.trending(args.window, checkFirst(args.first)));
