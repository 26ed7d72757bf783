// Change capture during the parallel run: each order change the monolith commits arrives as a
// legacy.order.changed snapshot and is imported the way the backfill imports (newer wins, so a
// replay or an out-of-date snapshot changes nothing). An order that cannot be mapped throws a
// LegacyOrderMappingError, which fails the same way every time and so goes to the DLQ.
import type { EventEnvelope, legacyEvents } from "@shopstream/kernel";
import type { OrdersTx } from "../db.js";
import { writeImportedOrders } from "../repositories/imported-orders.js";
import { mapLegacyOrder } from "./legacy-order-mapping.js";

export async function applyLegacyOrderChanged(
  event: EventEnvelope<legacyEvents.LegacyOrderSnapshot>,
  tx: OrdersTx,
): Promise<void> {
  await writeImportedOrders(tx, [mapLegacyOrder(event.data)]);
}
