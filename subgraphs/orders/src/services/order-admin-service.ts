// Admin cancellation (scope orders:admin): a PENDING or CONFIRMED order is cancelled; money
// already taken goes back (captured → refund, authorized → void) through the payment worker.
import { type UserError, userError } from "@shopstream/kernel";
import { lockOrder } from "../repositories/orders.js";
import { queueOp } from "../repositories/payments.js";
import type { ServiceDeps } from "./deps.js";
import { cancelOrder } from "./order-transitions.js";

export function createOrderAdminService(deps: ServiceDeps) {
  return {
    async cancel(
      orderId: string,
      note: string | null | undefined,
    ): Promise<{ orderId: string | null; userErrors: UserError[] }> {
      return deps.prisma.$transaction(async (tx) => {
        const order = await lockOrder(tx, orderId);
        if (!order) return { orderId: null, userErrors: [userError("NOT_FOUND", "No such order.", ["id"])] };
        if (order.status === "CANCELLED")
          return { orderId, userErrors: [userError("ALREADY_CANCELLED", "The order is already cancelled.", ["id"])] };
        await cancelOrder(tx, deps, orderId, "CUSTOMER", note?.trim() || "cancelled by an administrator", [
          "PENDING",
          "CONFIRMED",
        ]);
        if (!(await queueOp(tx, orderId, "REFUND", ["CAPTURED"]))) await queueOp(tx, orderId, "VOID", ["AUTHORIZED"]);
        return { orderId, userErrors: [] };
      });
    },
  };
}

export type OrderAdminService = ReturnType<typeof createOrderAdminService>;
