// Transactional outbox: an event row is written in the SAME database transaction as the domain
// change it describes, so the change and its event commit or roll back together. The relay
// publishes the rows later; NOTIFY (delivered at commit) wakes it without polling delay.
import type { EventDefinition, EventEnvelope, NewEvent } from "../events/envelope.js";
import { currentTraceparent } from "../observability/tracing.js";

export const OUTBOX_CHANNEL = "outbox_event";

/** The part of a Prisma (interactive transaction) client the outbox needs. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const insertSql = `
  WITH inserted AS (
    INSERT INTO outbox_event (event_id, topic, key, type, payload, headers)
    VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb)
    RETURNING id
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`;

export interface Outbox {
  enqueue<T>(
    tx: SqlExecutor,
    definition: EventDefinition<T>,
    event: Omit<NewEvent<T>, "source">,
  ): Promise<EventEnvelope<T>>;
}

export function createOutbox(source: string): Outbox {
  return {
    async enqueue(tx, definition, event) {
      const traceparent = event.traceparent ?? currentTraceparent();
      const envelope = definition.create({ ...event, source, ...(traceparent ? { traceparent } : {}) });
      const headers = envelope.traceparent ? { traceparent: envelope.traceparent } : {};
      await tx.$executeRawUnsafe(
        insertSql,
        envelope.id,
        definition.topic,
        envelope.subject,
        envelope.type,
        JSON.stringify(envelope),
        JSON.stringify(headers),
      );
      return envelope;
    },
  };
}
