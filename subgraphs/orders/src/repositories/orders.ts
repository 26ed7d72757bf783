// Order persistence: creation with its price snapshot, guarded status changes, the timeline.
import type { OrdersPrisma, OrdersTx, Prisma } from "../db.js";

/** Row types of the orders tables, for the resolvers that shape them. */
export type {
  Order,
  OrderLine,
  OrderTimelineEntry,
  Payment,
} from "../../../../prisma/orders/generated/client/index.js";

type Db = OrdersPrisma | OrdersTx;

export const findOrder = (db: Db, id: string) => db.order.findUnique({ where: { id } });
export const findOrders = (db: Db, ids: readonly string[]) => db.order.findMany({ where: { id: { in: [...ids] } } });

export const findByIdempotencyKey = (db: Db, ownerKey: string, idempotencyKey: string) =>
  db.order.findUnique({ where: { ownerKey_idempotencyKey: { ownerKey, idempotencyKey } } });

/**
 * Serialises the transactions placing an order under one (owner, idempotency key) until commit:
 * the second waits, then finds the first one's order instead of reading the cart it emptied.
 */
export async function lockIdempotencyKey(tx: OrdersTx, ownerKey: string, idempotencyKey: string) {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", `${ownerKey}\n${idempotencyKey}`);
}

export const linesOfOrders = (db: Db, orderIds: readonly string[]) =>
  db.orderLine.findMany({ where: { orderId: { in: [...orderIds] } }, orderBy: { variantId: "asc" } });

export const timelinesOfOrders = (db: Db, orderIds: readonly string[]) =>
  db.orderTimelineEntry.findMany({ where: { orderId: { in: [...orderIds] } }, orderBy: { id: "asc" } });

export const createOrder = (tx: OrdersTx, data: Prisma.OrderUncheckedCreateInput) =>
  tx.order.create({ data, include: { lines: true } });

/** Locks the order row for the rest of the transaction. */
export async function lockOrder(tx: OrdersTx, id: string) {
  await tx.$queryRawUnsafe(`SELECT id FROM "order" WHERE id = $1 FOR UPDATE`, id);
  return tx.order.findUnique({ where: { id }, include: { lines: true } });
}

/** Moves an order out of one of `from`; false when it was no longer in one (someone else won). */
export async function transition(
  tx: OrdersTx,
  id: string,
  from: Array<"PENDING" | "CONFIRMED">,
  data: Prisma.OrderUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await tx.order.updateMany({ where: { id, status: { in: from } }, data });
  return count === 1;
}

export const addTimeline = (tx: OrdersTx, orderId: string, kind: string, detail?: string) =>
  tx.orderTimelineEntry.create({ data: { orderId, kind, detail: detail ?? null } });

/** One timeline entry per order, all of one kind, in one statement. */
export const addTimelines = (tx: OrdersTx, orderIds: readonly string[], kind: string) =>
  tx.$executeRawUnsafe(
    "INSERT INTO order_timeline_entry (order_id, kind) SELECT unnest($1::text[]), $2",
    [...orderIds],
    kind,
  );

/** PENDING → CONFIRMED for those of `ids` still PENDING; returns the orders it confirmed. */
export const confirmPending = (tx: OrdersTx, ids: readonly string[]) =>
  tx.$queryRawUnsafe<Array<{ id: string; user_id: string | null; currency: string }>>(
    `UPDATE "order" SET status = 'CONFIRMED', updated_at = now()
     WHERE id = ANY($1::text[]) AND status = 'PENDING' RETURNING id, user_id, currency`,
    [...ids],
  );

/** PENDING orders placed before `cutoff`, oldest first. */
export const findStalePending = (db: Db, cutoff: Date, limit: number) =>
  db.order.findMany({
    // An order imported from the monolith is the monolith's to finish, never timed out here.
    where: { status: "PENDING", placedAt: { lt: cutoff }, externalRef: null },
    orderBy: { placedAt: "asc" },
    take: limit,
    select: { id: true },
  });

/** A user's orders, newest first, keyset-paginated on (placedAt, id). */
export function listUserOrders(db: Db, userId: string, take: number, after?: { placedAt: Date; id: string }) {
  return db.order.findMany({
    where: {
      userId,
      ...(after
        ? { OR: [{ placedAt: { lt: after.placedAt } }, { placedAt: after.placedAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take,
  });
}
