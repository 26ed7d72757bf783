// The span of one consumed event: it continues the trace of the request that produced the event.
import type { EventEnvelope } from "../events/envelope.js";
import { SpanKind, withSpan } from "../observability/tracing.js";

export const withConsumeSpan = <R>(
  topic: string,
  groupId: string,
  envelope: EventEnvelope<unknown>,
  fn: () => Promise<R>,
) =>
  withSpan(
    `consume ${envelope.type}`,
    {
      kind: SpanKind.CONSUMER,
      parent: { traceparent: envelope.traceparent },
      attributes: { "messaging.destination.name": topic, "messaging.consumer.group.name": groupId },
    },
    fn,
  );
