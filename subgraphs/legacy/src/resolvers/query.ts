// Query.order: the monolith's order by its public id.
import type { LegacyContext } from "../context.js";

export const Query = {
  order: (_: unknown, args: { id: string }, ctx: LegacyContext) => ctx.orderHistory.order(ctx.identity, args.id),
};
