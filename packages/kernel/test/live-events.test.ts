// LiveEvents: a stream sees only its types and what `accept` keeps, buffers while its reader is
// busy, and detaches on return() or abort (no listener left behind).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent, type EventEnvelope } from "../src/events/envelope.js";
import { createLiveEvents } from "../src/live/live-events.js";

const placed = defineEvent({
  type: "test.order.placed",
  topic: "test.orders",
  data: z.object({ orderId: z.string() }),
});
const other = defineEvent({ type: "test.other", topic: "test.orders", data: z.object({ orderId: z.string() }) });
const envelope = (type: string, orderId: string) => ({ type, data: { orderId } }) as unknown as EventEnvelope<unknown>;

describe("createLiveEvents", () => {
  it("streams the accepted events of its types, in order, buffered until read", async () => {
    const live = createLiveEvents();
    const stream = live.stream([placed], (event) => event.data.orderId === "o-1");
    live.publish(envelope("test.order.placed", "o-1"));
    live.publish(envelope("test.order.placed", "o-2")); // not accepted
    live.publish(envelope("test.other", "o-1")); // not its type
    live.publish(envelope("test.order.placed", "o-1"));
    const first = await stream.next();
    const second = await stream.next();
    expect([first.value?.data, second.value?.data]).toEqual([{ orderId: "o-1" }, { orderId: "o-1" }]);
    expect(live.listeners).toBe(1);
    await stream.return?.();
    expect(live.listeners).toBe(0);
    expect((await stream.next()).done).toBe(true);
  });

  it("a reader waiting for an event is released by abort, and detaches", async () => {
    const live = createLiveEvents();
    const abort = new AbortController();
    const stream = live.stream([placed, other], () => true, abort.signal);
    const waiting = stream.next();
    abort.abort();
    expect((await waiting).done).toBe(true);
    expect(live.listeners).toBe(0);
  });
});
