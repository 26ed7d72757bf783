// The monolith's order endpoints: one order by its public id (LO-<number>) and a customer's
// history, newest first. The same rules as the orders subgraph's, since callers move between the
// two paths during the rollout: the owner or scope orders:admin, another user's order reads as
// missing, first is 0..100, and the kernel's order-history cursor.
import {
  badUserInput,
  decodeOrderHistoryCursor,
  encodeOrderHistoryCursor,
  hasScope,
  type Identity,
} from "@shopstream/kernel";
import { GraphQLError } from "graphql";
import type { LegacyPrisma } from "../db.js";
import { customerOrders, ordersByNo } from "../repositories/legacy-order-repository.js";
import { legacyOrderView } from "./legacy-order-view.js";

const ADMIN_SCOPE = "orders:admin";
const MAX_PAGE = 100;

/** The monolith's number in a public order id, or null for an id it never issued. */
function orderNoOf(id: string): number | null {
  const match = /^LO-([1-9]\d{0,9})$/.exec(id);
  return match ? Number(match[1]) : null;
}

const mayRead = (identity: Identity, custId: string) => identity.userId === custId || hasScope(identity, ADMIN_SCOPE);

export function createLegacyOrderHistory(prisma: LegacyPrisma) {
  return {
    async order(identity: Identity, id: string) {
      const orderNo = orderNoOf(id);
      const [order] = orderNo === null ? [] : await ordersByNo(prisma, [orderNo]);
      return order && mayRead(identity, order.custId) ? legacyOrderView(order) : null;
    },

    async userOrders(identity: Identity, userId: string, first: number, after: string | null | undefined) {
      if (!mayRead(identity, userId))
        throw new GraphQLError("You may only see your own orders.", { extensions: { code: "FORBIDDEN" } });
      if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
        throw badUserInput(`first must be 0..${MAX_PAGE}.`, { argument: "first" });
      const cursor = after ? decodeOrderHistoryCursor(after) : undefined;
      // A cursor from the orders path may name an order the monolith never had (one placed there).
      const position = cursor && { createdTs: cursor.placedAt, orderNo: orderNoOf(cursor.id) ?? undefined };
      const rows = await customerOrders(prisma, userId, first + 1, position);
      const page = rows.slice(0, first).map(legacyOrderView);
      const cursorOf = (order: (typeof page)[number]) =>
        encodeOrderHistoryCursor({ placedAt: new Date(order.placedAt), id: order.id });
      return {
        edges: page.map((node) => ({ cursor: cursorOf(node), node })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page.at(-1)!) : null },
      };
    },
  };
}

export type LegacyOrderHistory = ReturnType<typeof createLegacyOrderHistory>;
