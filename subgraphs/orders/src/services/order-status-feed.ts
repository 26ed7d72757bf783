// Subscription.orderStatusChanged: the order as it is now, then again each time the saga moves
// it (placed → confirmed or cancelled), read from the database on each of its events. Events are
// attached BEFORE the current state is read, so a change in between is never missed. A cancelled
// order changes no more: its feed ends there.
import { detachingOnReturn, type EventDefinition, type Identity, requireUser } from "@shopstream/kernel";
import { GraphQLError } from "graphql";
import type { Order } from "../repositories/orders.js";
import type { ServiceDeps } from "./deps.js";
import type { createOrderQueryService } from "./order-query-service.js";

type OrderQueries = ReturnType<typeof createOrderQueryService>;

export function createOrderStatusFeed(deps: Pick<ServiceDeps, "events" | "live">, queries: OrderQueries) {
  const { live } = deps;
  const { orderPlaced, orderConfirmed, orderCancelled } = deps.events;
  const statusEvents: EventDefinition<{ orderId: string }>[] = [orderPlaced, orderConfirmed, orderCancelled];
  return {
    async follow(identity: Identity, orderId: string, signal?: AbortSignal): Promise<AsyncGenerator<Order>> {
      requireUser(identity);
      const changes = live.stream(statusEvents, (event) => event.data.orderId === orderId, signal);
      const order = await queries.order(identity, orderId).catch(async (error: unknown) => {
        await changes.return?.();
        throw error;
      });
      if (!order) {
        await changes.return?.();
        throw new GraphQLError("No order with this id is yours to follow.", { extensions: { code: "NOT_FOUND" } });
      }
      return detachingOnReturn(
        statusUpdates(order, changes, () => queries.byId(orderId)),
        changes,
      );
    },
  };
}

async function* statusUpdates(
  current: Order,
  changes: AsyncIterableIterator<unknown>,
  reload: () => Promise<Order | null>,
): AsyncGenerator<Order> {
  try {
    let order = current;
    yield order;
    while (order.status !== "CANCELLED") {
      const next = await changes.next();
      if (next.done) return;
      const fresh = await reload();
      if (!fresh || fresh.status === order.status) continue;
      order = fresh;
      yield order;
    }
  } finally {
    await changes.return?.();
  }
}
