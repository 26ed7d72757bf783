// Reading orders: who may see what (the owner, or scope orders:admin) and cursor pagination of
// a user's history (newest first; the kernel's order-history cursor).
import {
  badUserInput,
  decodeOrderHistoryCursor,
  encodeOrderHistoryCursor,
  hasScope,
  type Identity,
} from "@shopstream/kernel";
import { GraphQLError } from "graphql";
import { findOrder, listUserOrders } from "../repositories/orders.js";
import type { ServiceDeps } from "./deps.js";

export const ADMIN_SCOPE = "orders:admin";
const MAX_PAGE = 100;

/** Only the user themself or an admin may see a user's orders and cart. */
export function assertSelfOrAdmin(identity: Identity, userId: string) {
  if (identity.userId === userId || hasScope(identity, ADMIN_SCOPE)) return;
  throw new GraphQLError("You may only see your own orders.", { extensions: { code: "FORBIDDEN" } });
}

export function createOrderQueryService(deps: ServiceDeps) {
  return {
    /** null both when missing and when not the caller's: another user's order id reveals nothing. */
    async order(identity: Identity, id: string) {
      const order = await findOrder(deps.prisma, id);
      if (!order) return null;
      const mine = order.userId !== null && order.userId === identity.userId;
      return mine || hasScope(identity, ADMIN_SCOPE) ? order : null;
    },

    /** For a mutation's payload: the order the caller just placed or was allowed to change. */
    byId: (id: string) => findOrder(deps.prisma, id),

    async userOrders(identity: Identity, userId: string, first: number, after: string | null | undefined) {
      assertSelfOrAdmin(identity, userId);
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
        throw badUserInput(`first must be 0..${MAX_PAGE}.`, { argument: "first" });
      const rows = await listUserOrders(
        deps.prisma,
        userId,
        first + 1,
        after ? decodeOrderHistoryCursor(after) : undefined,
      );
      const page = rows.slice(0, first);
      return {
        edges: page.map((node) => ({ cursor: encodeOrderHistoryCursor(node), node })),
        pageInfo: {
          hasNextPage: rows.length > first,
          endCursor: page.length ? encodeOrderHistoryCursor(page[page.length - 1]!) : null,
        },
      };
    },
  };
}

export type OrderQueryService = ReturnType<typeof createOrderQueryService>;
