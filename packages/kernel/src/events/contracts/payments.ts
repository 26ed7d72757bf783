import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { moneySchema } from "../money.js";
import { topics } from "../topics.js";

// Subject: the order id.
export const paymentAuthorized = defineEvent({
  type: "payments.payment.authorized",
  topic: topics.paymentsPayments,
  data: z.object({ orderId: z.string(), paymentId: z.string(), amount: moneySchema }),
});

export const paymentDeclined = defineEvent({
  type: "payments.payment.declined",
  topic: topics.paymentsPayments,
  data: z.object({
    orderId: z.string(),
    paymentId: z.string().nullable(),
    code: z.enum(["DECLINED", "PAYMENT_UNAVAILABLE"]),
    detail: z.string(),
  }),
});

export const paymentCaptured = defineEvent({
  type: "payments.payment.captured",
  topic: topics.paymentsPayments,
  data: z.object({ orderId: z.string(), paymentId: z.string(), amount: moneySchema }),
});

export const paymentRefunded = defineEvent({
  type: "payments.payment.refunded",
  topic: topics.paymentsPayments,
  data: z.object({ orderId: z.string(), paymentId: z.string(), amount: moneySchema }),
});
