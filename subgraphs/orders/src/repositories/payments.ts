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

// One round trip for the saga's hottest step: the payment and its timeline entry only if the
// order is still PENDING and has no payment yet.
const queueAuthorizationSql = `
  WITH pending AS (SELECT id, total, currency FROM "order" WHERE id = $1 AND status = 'PENDING'),
  queued AS (
    INSERT INTO payment (id, order_id, amount, currency, status, pending_op, updated_at)
    SELECT gen_random_uuid(), id, total, currency, 'PENDING'::payment_status, 'AUTHORIZE'::payment_operation, now()
    FROM pending ON CONFLICT (order_id) DO NOTHING RETURNING order_id)
  INSERT INTO order_timeline_entry (order_id, kind, detail) SELECT order_id, $2, $3 FROM queued`;

/**
 * Creates a PENDING order's payment with an AUTHORIZE job and records `timelineKind`; false when
 * the order is not ours, no longer PENDING, or already has its payment.
 */
export async function queueAuthorization(tx: OrdersTx, orderId: string, timelineKind: string, detail: string) {
  return (await tx.$executeRawUnsafe(queueAuthorizationSql, orderId, timelineKind, detail)) === 1;
}

const claimSql = `
  UPDATE payment SET op_started_at = now() WHERE id IN (
    SELECT id FROM payment
    WHERE pending_op IS NOT NULL AND (op_started_at IS NULL OR op_started_at < now() - make_interval(secs => $2))
    ORDER BY op_started_at NULLS FIRST LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING id, order_id, pending_op, amount, currency, attempt, authorization_id`;

/** Claims up to `limit` payments with work; a claim older than `claimTimeoutS` is taken over. */
/** Their orders were cancelled while the payments were being authorized: void the holds next. */
export const queueVoids = (tx: OrdersTx, paymentIds: readonly string[]) =>
  tx.$executeRawUnsafe("UPDATE payment SET pending_op = 'VOID', updated_at = now() WHERE id = ANY($1::text[])", [
    ...paymentIds,
  ]);

/** Finishes the AUTHORIZE of each payment that still has it; returns the payments it finished. */
export const completeAuthorizations = (
  tx: OrdersTx,
  authorized: Array<{ paymentId: string; authorizationId: string }>,
) =>
  tx.$queryRawUnsafe<Array<{ id: string; order_id: string }>>(
    `UPDATE payment p SET status = 'AUTHORIZED', authorization_id = a.authorization_id, pending_op = NULL,
       op_started_at = NULL, last_error = NULL, updated_at = now()
     FROM unnest($1::text[], $2::text[]) AS a(id, authorization_id)
     WHERE p.id = a.id AND p.pending_op = 'AUTHORIZE'
     RETURNING p.id, p.order_id`,
    authorized.map((a) => a.paymentId),
    authorized.map((a) => a.authorizationId),
  );

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
