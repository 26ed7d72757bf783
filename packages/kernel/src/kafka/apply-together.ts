// Applies consecutive events of one partition in ONE transaction: one processed_event insert for
// all of them, each handler in order on the same transaction, one commit. A busy service then
// pays the BEGIN/COMMIT and their turns of the event loop once per fetch instead of once per event.
// Anything unusual (an event already processed, any failure) rolls the whole group back and
// answers false: the caller then takes the one-event-at-a-time path, which skips duplicates,
// dead-letters and waits out outages event by event.
import type { EventEnvelope } from "../events/envelope.js";
import { metrics } from "../observability/metrics.js";
import type { SqlExecutor } from "../outbox/outbox.js";
import { withConsumeSpan } from "./consume-span.js";
import type { EventHandler } from "./consumer-runner.js";

export interface DecodedEvent<Tx> {
  handler: EventHandler<Tx>;
  envelope: EventEnvelope<unknown>;
}

class AlreadyProcessed extends Error {}

export async function applyTogether<Tx extends SqlExecutor>(
  context: { topic: string; groupId: string; transaction: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R> },
  events: DecodedEvent<Tx>[],
): Promise<boolean> {
  const { topic, groupId } = context;
  try {
    await context.transaction(async (tx) => {
      const ids = events.map((event) => event.envelope.id);
      const inserted = await tx.$executeRawUnsafe(
        "INSERT INTO processed_event (consumer, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
        groupId,
        ids,
      );
      // A redelivery (or the same event twice in this fetch): the slow path tells which.
      if (inserted !== ids.length) throw new AlreadyProcessed();
      for (const { handler, envelope } of events)
        await withConsumeSpan(topic, groupId, envelope, () => handler.handle(envelope, tx));
    });
  } catch {
    return false;
  }
  for (const { envelope } of events)
    metrics.eventsConsumed.inc({ consumer: groupId, type: envelope.type, outcome: "applied" });
  metrics.eventsPerTransaction.observe({ consumer: groupId }, events.length);
  return true;
}
