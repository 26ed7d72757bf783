// AUTHORIZE, the payment op on checkout's critical path, for a whole claimed batch: one query for
// the orders, the provider calls side by side, then every granted authorization applied in ONE
// transaction (payments, timeline entries, events and confirmations, each one statement for the
// batch). A batch that cannot commit together (a lock conflict, say) is applied payment by
// payment. Declines and provider outages are rare and applied one at a time.
import { CircuitOpenError } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { type PaymentProvider, PaymentProviderError } from "../payments/provider.js";
import { addTimelines, findOrders, type Order } from "../repositories/orders.js";
import { type ClaimedPayment, completeAuthorizations, completeOp, queueVoids } from "../repositories/payments.js";
import type { ServiceDeps } from "./deps.js";
import { cancelOrder, confirmOrders } from "./order-transitions.js";

interface Granted {
  payment: ClaimedPayment;
  authorizationId: string;
}

export interface AuthorizerOptions {
  provider: PaymentProvider;
  /** A provider call with the worker's retries and circuit breaker. */
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  /** A payment whose op failed unexpectedly; it is retried after its claim times out. */
  failed: (error: unknown, payment: ClaimedPayment) => void;
}

export function createAuthorizer(deps: ServiceDeps, { provider, call, failed }: AuthorizerOptions) {
  const { prisma, outbox, events } = deps;
  const apply = <R>(fn: (tx: OrdersTx) => Promise<R>) => prisma.$transaction(fn);

  async function applyGranted(tx: OrdersTx, granted: Granted[]) {
    const completed = await completeAuthorizations(
      tx,
      granted.map(({ payment, authorizationId }) => ({ paymentId: payment.id, authorizationId })),
    );
    if (completed.length === 0) return; // another worker finished them
    const claimed = new Map(granted.map(({ payment }) => [payment.id, payment]));
    const orderIds = completed.map((payment) => payment.order_id);
    await addTimelines(tx, orderIds, "PAYMENT_AUTHORIZED");
    await outbox.enqueueMany(
      tx,
      completed.map(({ id }) => {
        const payment = claimed.get(id)!;
        const amount = { amount: payment.amount, currency: payment.currency };
        const data = { orderId: payment.order_id, paymentId: payment.id, amount };
        return { definition: events.paymentAuthorized, event: { subject: payment.order_id, data } };
      }),
    );
    const confirmed = await confirmOrders(tx, deps, orderIds);
    // Orders cancelled while we were authorizing: release the holds on the cards.
    const toVoid = completed.filter((payment) => !confirmed.has(payment.order_id)).map((payment) => payment.id);
    if (toVoid.length > 0) await queueVoids(tx, toVoid);
  }

  async function refuse(payment: ClaimedPayment, code: "DECLINED" | "PAYMENT_UNAVAILABLE", detail: string) {
    const reason = code === "DECLINED" ? "PAYMENT_DECLINED" : "PAYMENT_UNAVAILABLE";
    await apply(async (tx) => {
      const status = code === "DECLINED" ? "DECLINED" : "UNAVAILABLE";
      if (!(await completeOp(tx, payment.id, "AUTHORIZE", { status, lastError: detail }))) return;
      await outbox.enqueue(tx, events.paymentDeclined, {
        subject: payment.order_id,
        data: { orderId: payment.order_id, paymentId: payment.id, code, detail },
      });
      await cancelOrder(tx, deps, payment.order_id, reason, detail);
    });
  }

  /** Asks the provider; the authorization when granted, after applying any other outcome itself. */
  async function ask(payment: ClaimedPayment, order: Order | undefined): Promise<Granted | undefined> {
    if (order?.status !== "PENDING") {
      // Cancelled meanwhile (timeout, admin): never charge it.
      await apply((tx) =>
        completeOp(tx, payment.id, "AUTHORIZE", { status: "VOIDED", lastError: "order no longer pending" }),
      );
      return undefined;
    }
    // Only orders imported from the monolith have no token, and they never get a payment to authorize.
    if (order.paymentToken === null) {
      await refuse(payment, "DECLINED", "order has no payment token");
      return undefined;
    }
    const cardToken = order.paymentToken;
    try {
      const result = await call(() =>
        provider.authorize({
          idempotencyKey: `${payment.order_id}:authorize:${payment.attempt}`,
          reference: payment.order_id,
          amount: { amount: payment.amount, currency: payment.currency },
          cardToken,
        }),
      );
      if (result.outcome === "AUTHORIZED") return { payment, authorizationId: result.authorizationId };
      await refuse(payment, "DECLINED", result.reason);
    } catch (error) {
      if (!(error instanceof PaymentProviderError || error instanceof CircuitOpenError)) throw error;
      // Breaker open (fail fast) or the provider kept failing: cancel, so stock is released now.
      await refuse(
        payment,
        "PAYMENT_UNAVAILABLE",
        error instanceof CircuitOpenError ? "payment provider circuit open" : error.message,
      );
    }
    return undefined;
  }

  return async function authorizeAll(payments: ClaimedPayment[]): Promise<void> {
    if (payments.length === 0) return;
    const orders = new Map(
      (
        await findOrders(
          prisma,
          payments.map((p) => p.order_id),
        )
      ).map((o) => [o.id, o]),
    );
    const answers = await Promise.all(
      payments.map((payment) =>
        ask(payment, orders.get(payment.order_id)).catch((error) => void failed(error, payment)),
      ),
    );
    const granted = answers.filter((answer): answer is Granted => answer !== undefined);
    if (granted.length === 0) return;
    try {
      await apply((tx) => applyGranted(tx, granted));
    } catch {
      for (const one of granted)
        await apply((tx) => applyGranted(tx, [one])).catch((error) => failed(error, one.payment));
    }
  };
}
