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

// Many events in one statement, in the given order (the relay publishes by id).
const insertManySql = `
  WITH inserted AS (
    INSERT INTO outbox_event (event_id, topic, key, type, payload, headers)
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])
    RETURNING id
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted LIMIT 1`;

export interface PendingEvent<T = unknown> {
  definition: EventDefinition<T>;
  event: Omit<NewEvent<T>, "source">;
}

export interface Outbox {
  enqueue<T>(
    tx: SqlExecutor,
    definition: EventDefinition<T>,
    event: Omit<NewEvent<T>, "source">,
  ): Promise<EventEnvelope<T>>;
  /** Enqueues events of any types at once (e.g. a batch of payments' events). */
  enqueueMany(tx: SqlExecutor, events: PendingEvent[]): Promise<EventEnvelope[]>;
}

/** The event `definition.create` makes, with its source and the current trace, and its outbox row. */
function outboxRow<T>(source: string, definition: EventDefinition<T>, event: Omit<NewEvent<T>, "source">) {
  const traceparent = event.traceparent ?? currentTraceparent();
  const envelope = definition.create({ ...event, source, ...(traceparent ? { traceparent } : {}) });
  const headers = envelope.traceparent ? { traceparent: envelope.traceparent } : {};
  const row = [
    envelope.id,
    definition.topic,
    envelope.subject,
    envelope.type,
    JSON.stringify(envelope),
    JSON.stringify(headers),
  ];
  return { envelope, row };
}

export function createOutbox(source: string): Outbox {
  return {
    async enqueue(tx, definition, event) {
      const { envelope, row } = outboxRow(source, definition, event);
      await tx.$executeRawUnsafe(insertSql, ...row);
      return envelope;
    },
    async enqueueMany(tx, events) {
      if (events.length === 0) return [];
      const rows = events.map(({ definition, event }) => outboxRow(source, definition, event));
      const columns = rows[0]!.row.map((_, column) => rows.map(({ row }) => row[column]));
      await tx.$executeRawUnsafe(insertManySql, ...columns);
      return rows.map(({ envelope }) => envelope);
    },
  };
}
