// CloudEvents-like envelope shared by every event on Kafka. `subject` is the aggregate id and the
// Kafka key, so events of one aggregate stay ordered within a partition.
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  source: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type EventEnvelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, "data"> & { data: T };

export interface NewEvent<T> {
  source: string;
  subject: string;
  data: T;
  traceparent?: string;
  id?: string;
  time?: Date;
}

export interface EventDefinition<T> {
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly data: z.ZodType<T>;
  create(event: NewEvent<T>): EventEnvelope<T>;
  /** Validates an envelope's data against this definition; throws a ZodError when it does not fit. */
  parse(envelope: EventEnvelope): EventEnvelope<T>;
}

export function defineEvent<T>(spec: {
  type: string;
  version?: number;
  topic: string;
  data: z.ZodType<T>;
}): EventDefinition<T> {
  const version = spec.version ?? 1;
  return {
    type: spec.type,
    version,
    topic: spec.topic,
    data: spec.data,
    create: (event) => ({
      id: event.id ?? randomUUID(),
      type: spec.type,
      version,
      source: event.source,
      subject: event.subject,
      time: (event.time ?? new Date()).toISOString(),
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      data: spec.data.parse(event.data),
    }),
    parse: (envelope) => ({ ...envelope, data: spec.data.parse(envelope.data) }),
  };
}
