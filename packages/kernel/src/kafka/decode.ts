// Turns a raw Kafka message value into a validated envelope for a handler, or says why not.
import { type EventEnvelope, envelopeSchema } from "../events/envelope.js";

type Decoded<H> =
  | { kind: "handled"; handler: H; envelope: EventEnvelope<unknown> }
  | { kind: "ignored" }
  | { kind: "invalid"; reason: string };

export function decodeEnvelope<H extends { definition: { parse(e: EventEnvelope): EventEnvelope<unknown> } }>(
  value: Buffer | null,
  handlers: Map<string, H>,
): Decoded<H> {
  let json: unknown;
  try {
    json = JSON.parse(value?.toString("utf8") ?? "");
  } catch {
    return { kind: "invalid", reason: "value is not JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: "invalid", reason: `bad envelope: ${summarise(envelope.error.issues)}` };
  const handler = handlers.get(envelope.data.type);
  if (!handler) return { kind: "ignored" }; // another consumer's event type on a shared topic
  try {
    return { kind: "handled", handler, envelope: handler.definition.parse(envelope.data) };
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    return { kind: "invalid", reason: `bad ${envelope.data.type} data: ${issues ? summarise(issues) : String(error)}` };
  }
}

function summarise(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`).join("; ");
}
