// Payment persistence. One payment per order (unique order_id); `pending_op` queues provider work
// for the payment worker, which claims rows with SKIP LOCKED so replicas never share one.
import type { OrdersPrisma, OrdersTx } from "../db.js";

export type PaymentOp = "AUTHORIZE" | "CAPTURE" | "REFUND" | "VOID";

export interface ClaimedPayment {
  id: string;
  order_id: string;
  pending_op: PaymentOp;
  amount: number;
  currency: string;
  attempt: number;
  authorization_id: string | null;
}

/** Creates the order's payment with an AUTHORIZE job; false when it already existed. */
export async function requestAuthorization(tx: OrdersTx, order: { id: string; total: number; currency: string }) {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO payment (id, order_id, amount, currency, status, pending_op, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, 'PENDING', 'AUTHORIZE', now()) ON CONFLICT (order_id) DO NOTHING`,
    order.id,
    order.total,
    order.currency,
  );
  return inserted === 1;
}

const claimSql = `
  UPDATE payment SET op_started_at = now() WHERE id IN (
    SELECT id FROM payment
    WHERE pending_op IS NOT NULL AND (op_started_at IS NULL OR op_started_at < now() - make_interval(secs => $2))
    ORDER BY op_started_at NULLS FIRST LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING id, order_id, pending_op, amount, currency, attempt, authorization_id`;

/** Claims up to `limit` payments with work; a claim older than `claimTimeoutS` is taken over. */
/** The order was cancelled while its payment was being authorized: void the hold next. */
export const queueVoid = (tx: OrdersTx, paymentId: string) =>
  tx.payment.update({ where: { id: paymentId }, data: { pendingOp: "VOID" } });

export const paymentsOfOrders = (db: OrdersPrisma, orderIds: readonly string[]) =>
  db.payment.findMany({ where: { orderId: { in: [...orderIds] } } });

export const claimWork = (db: OrdersPrisma, limit: number, claimTimeoutS: number) =>
  db.$queryRawUnsafe<ClaimedPayment[]>(claimSql, limit, claimTimeoutS);

export const findPayment = (db: OrdersPrisma | OrdersTx, orderId: string) =>
  db.payment.findUnique({ where: { orderId } });

/** Finishes the claimed op; false when the row no longer has that op (another worker finished it). */
export async function completeOp(
  tx: OrdersTx,
  paymentId: string,
  op: PaymentOp,
  data: {
    status?: "AUTHORIZED" | "DECLINED" | "UNAVAILABLE" | "CAPTURED" | "REFUNDED" | "VOIDED";
    authorizationId?: string;
    next?: PaymentOp | null;
    lastError?: string | null;
  },
) {
  const { count } = await tx.payment.updateMany({
    where: { id: paymentId, pendingOp: op },
    data: {
      status: data.status,
      authorizationId: data.authorizationId,
      pendingOp: data.next ?? null,
      opStartedAt: null,
      lastError: data.lastError ?? null,
    },
  });
  return count === 1;
}

/** Queues a follow-up op on a payment in one of the given statuses. */
export async function queueOp(tx: OrdersTx, orderId: string, op: PaymentOp, whenStatus: string[]) {
  const { count } = await tx.payment.updateMany({
    where: { orderId, status: { in: whenStatus as never }, pendingOp: null },
    data: { pendingOp: op, opStartedAt: null },
  });
  return count === 1;
}

/** Records a transient failure; the claim stays, so the op is retried once the claim times out. */
export const recordFailure = (db: OrdersPrisma, paymentId: string, error: string) =>
  db.payment.update({ where: { id: paymentId }, data: { lastError: error.slice(0, 500) } });
