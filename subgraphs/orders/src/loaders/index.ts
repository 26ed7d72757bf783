// DataLoaders built per request: an order list page asks for lines, timeline and payment of
// every order in one query each.
import { groupBy } from "@shopstream/kernel";
import DataLoader from "dataloader";
import type { OrdersPrisma } from "../db.js";
import { linesOfOrders, timelinesOfOrders } from "../repositories/orders.js";
import { paymentsOfOrders } from "../repositories/payments.js";

export function createLoaders(prisma: OrdersPrisma) {
  return {
    orderLines: new DataLoader(async (ids: readonly string[]) => {
      const rows = groupBy(await linesOfOrders(prisma, ids), (r) => r.orderId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    timeline: new DataLoader(async (ids: readonly string[]) => {
      const rows = groupBy(await timelinesOfOrders(prisma, ids), (r) => r.orderId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    payment: new DataLoader(async (ids: readonly string[]) => {
      const rows = new Map((await paymentsOfOrders(prisma, ids)).map((p) => [p.orderId, p]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
