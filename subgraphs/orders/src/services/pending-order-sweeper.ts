// Every saga step has a timeout path: an order still PENDING `timeoutS` after it was placed is
// cancelled (TIMEOUT), which makes inventory release whatever it reserved for it.
import { findStalePending } from "../repositories/orders.js";
import type { ServiceDeps } from "./deps.js";
import { cancelOrder } from "./order-transitions.js";

export function createPendingOrderSweeper(deps: ServiceDeps, options: { timeoutS: number; batchSize?: number }) {
  return {
    /** Cancels the orders that timed out as of `now`; returns their ids. */
    async sweep(now = new Date()): Promise<string[]> {
      const cutoff = new Date(now.getTime() - options.timeoutS * 1_000);
      const stale = await findStalePending(deps.prisma, cutoff, options.batchSize ?? 200);
      const cancelled: string[] = [];
      for (const { id } of stale) {
        const changed = await deps.prisma.$transaction((tx) =>
          cancelOrder(tx, deps, id, "TIMEOUT", `still pending after ${options.timeoutS} s`),
        );
        if (changed) cancelled.push(id);
      }
      return cancelled;
    },
  };
}

export type PendingOrderSweeper = ReturnType<typeof createPendingOrderSweeper>;
