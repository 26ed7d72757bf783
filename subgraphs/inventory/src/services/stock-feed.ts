// Subscription.stockChanged: a product page's variants, each time one's public availability
// changes (IN_STOCK, LOW_STOCK, OUT_OF_STOCK), recomputed over all warehouses on its stock
// events. Movements that leave the level as it was (most of them) send nothing.
import {
  badUserInput,
  detachingOnReturn,
  type EventEnvelope,
  inventoryEvents,
  type LiveEvents,
} from "@shopstream/kernel";
import type { InventoryPrisma } from "../db.js";
import { type Availability, availabilityOf } from "../domain/availability.js";
import { availableOf } from "../domain/movements.js";
import { stockOfVariants } from "../repositories/stock-level-repository.js";

const MAX_VARIANTS = 100;

type StockChanged = EventEnvelope<{ variantId: string }>;

export function createStockFeed(prisma: InventoryPrisma, live: LiveEvents, lowStockThreshold: number) {
  async function levels(variantIds: readonly string[]): Promise<Map<string, Availability>> {
    const rows = await stockOfVariants(prisma, variantIds);
    return new Map(
      variantIds.map((id) => {
        const available = rows.filter((row) => row.variantId === id).reduce((sum, row) => sum + availableOf(row), 0);
        return [id, availabilityOf(available, lowStockThreshold)];
      }),
    );
  }

  async function* changes(known: Map<string, Availability>, events: AsyncIterableIterator<StockChanged>) {
    try {
      for await (const event of events) {
        const { variantId } = event.data;
        const level = (await levels([variantId])).get(variantId);
        if (!level || level === known.get(variantId)) continue;
        known.set(variantId, level);
        yield { id: variantId };
      }
    } finally {
      await events.return?.();
    }
  }

  return {
    async watch(variantIds: string[]) {
      const ids = [...new Set(variantIds)];
      if (ids.length === 0 || ids.length > MAX_VARIANTS)
        throw badUserInput(`variantIds must name 1..${MAX_VARIANTS} variants.`, { argument: "variantIds" });
      const wanted = new Set(ids);
      const events = live.stream<{ variantId: string }>([inventoryEvents.stockChanged], (event) =>
        wanted.has(event.data.variantId),
      );
      const known = await levels(ids).catch(async (error: unknown) => {
        await events.return?.();
        throw error;
      });
      return detachingOnReturn(changes(known, events), events);
    },
  };
}
