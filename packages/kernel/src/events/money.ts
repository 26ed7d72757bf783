import { z } from "zod";

/** Money is integer minor units plus an ISO 4217 currency code; never a float. */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code"),
});
export type Money = z.infer<typeof moneySchema>;
