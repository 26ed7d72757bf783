// Does the provider calls the saga queued on payments (pending_op), OUTSIDE any database
// transaction: claim (short tx) → call the provider through the circuit breaker → apply the
// answer (short tx with the order transition and the events). Woken by the payment_work NOTIFY
// the database sends at commit, with a poll as a fallback. A claim whose worker died is taken
// over after `claimTimeoutS`; the idempotency key makes the provider answer the retry the same.
// AUTHORIZE, on checkout's critical path, is done a claimed batch at a time (payment-authorizations.ts).
import {
  type CircuitBreaker,
  CircuitOpenError,
  createPgClient,
  exponentialBackoff,
  type NotifyWorker,
  sleep,
  startNotifyWorker,
} from "@shopstream/kernel";
import type pg from "pg";
import type { OrdersTx } from "../db.js";
import type { PaymentProvider } from "../payments/provider.js";
import { PaymentProviderError } from "../payments/provider.js";
import { addTimeline, findOrder } from "../repositories/orders.js";
import { type ClaimedPayment, claimWork, completeOp, recordFailure } from "../repositories/payments.js";
import type { ServiceDeps } from "./deps.js";
import { createAuthorizer } from "./payment-authorizations.js";

export interface PaymentWorkerOptions {
  provider: PaymentProvider;
  breaker: CircuitBreaker;
  /** Provider tries per op while the breaker is closed (same idempotency key each time). */
  maxTries: number;
  claimTimeoutS?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  /** A dedicated connection for LISTEN; without it the worker only polls. */
  listenConnection?: pg.ClientConfig;
}

export function createPaymentWorker(deps: ServiceDeps, options: PaymentWorkerOptions) {
  const { prisma, outbox, events, logger } = deps;
  const { provider, breaker } = options;
  let worker: NotifyWorker | undefined;

  const apply = <R>(fn: (tx: OrdersTx) => Promise<R>) => prisma.$transaction(fn);

  /** Calls the provider with retries; CircuitOpenError / PaymentProviderError escape when it gives up. */
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    const backoff = exponentialBackoff({ initialMs: 50, maxMs: 500 });
    for (let attempt = 1; ; attempt++) {
      try {
        return await breaker.execute(fn);
      } catch (error) {
        if (!(error instanceof PaymentProviderError) || attempt >= options.maxTries) throw error;
        await sleep(backoff.next());
      }
    }
  }

  /** CAPTURE, REFUND, VOID: retried (after the claim timeout) until the provider answers. */
  async function followUp(payment: ClaimedPayment) {
    const op = payment.pending_op as "CAPTURE" | "REFUND" | "VOID";
    const amount = { amount: payment.amount, currency: payment.currency };
    if (!payment.authorization_id) {
      await apply((tx) => completeOp(tx, payment.id, op, { lastError: "no authorization to follow up" }));
      return;
    }
    const request = {
      idempotencyKey: `${payment.order_id}:${op.toLowerCase()}`,
      authorizationId: payment.authorization_id,
      amount,
    };
    try {
      if (op === "CAPTURE") await call(() => provider.capture(request));
      else if (op === "REFUND") await call(() => provider.refund(request));
      else await call(() => provider.void(request));
    } catch (error) {
      if (!(error instanceof PaymentProviderError || error instanceof CircuitOpenError)) throw error;
      await recordFailure(prisma, payment.id, error.message);
      return;
    }
    await apply(async (tx) => {
      const status = op === "CAPTURE" ? "CAPTURED" : op === "REFUND" ? "REFUNDED" : "VOIDED";
      const order = await findOrder(tx, payment.order_id);
      // Cancelled while capturing: the captured money goes back.
      const next = op === "CAPTURE" && order?.status === "CANCELLED" ? "REFUND" : null;
      if (!(await completeOp(tx, payment.id, op, { status, next }))) return;
      await addTimeline(tx, payment.order_id, `PAYMENT_${status}`);
      const data = { orderId: payment.order_id, paymentId: payment.id, amount };
      if (op === "CAPTURE") await outbox.enqueue(tx, events.paymentCaptured, { subject: payment.order_id, data });
      if (op === "REFUND") await outbox.enqueue(tx, events.paymentRefunded, { subject: payment.order_id, data });
    });
  }

  function failed(error: unknown, payment: ClaimedPayment) {
    logger.error(
      { err: error, orderId: payment.order_id, op: payment.pending_op },
      "payment op failed; retried after claim timeout",
    );
  }

  const authorizeAll = createAuthorizer(deps, { provider, call, failed });

  /** Claims and processes one batch; returns how many payments it handled. */
  async function runOnce(): Promise<number> {
    const claimed = await claimWork(prisma, options.batchSize ?? 32, options.claimTimeoutS ?? 30);
    const authorizations = claimed.filter((payment) => payment.pending_op === "AUTHORIZE");
    await Promise.all([
      authorizeAll(authorizations).catch((error) => {
        for (const payment of authorizations) failed(error, payment);
      }),
      ...claimed
        .filter((payment) => payment.pending_op !== "AUTHORIZE")
        .map((payment) => followUp(payment).catch((error) => failed(error, payment))),
    ]);
    return claimed.length;
  }

  return {
    runOnce,
    async start() {
      const { listenConnection } = options;
      worker = await startNotifyWorker({
        name: "payment worker",
        channel: "payment_work",
        listen: listenConnection
          ? async () => {
              const client = createPgClient(listenConnection, logger);
              await client.connect();
              return Object.assign(client, { close: () => client.end() });
            }
          : undefined,
        runBatch: async () => (await runOnce()) > 0,
        pollIntervalMs: options.pollIntervalMs ?? 1_000,
        logger,
      });
    },
    async stop() {
      await worker?.stop();
      worker = undefined;
    },
  };
}

export type PaymentWorker = ReturnType<typeof createPaymentWorker>;
