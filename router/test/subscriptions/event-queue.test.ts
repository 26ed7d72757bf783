// The queue between upstream callbacks and a subscriber: items in order, end after what is queued,
// and a reader parked on an empty queue leaves at once on abort (an async generator could not).
import { describe, expect, it } from "vitest";
import { createEventQueue } from "../../src/subscriptions/event-queue.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("createEventQueue", () => {
  it("hands over what was pushed, in order, then ends", async () => {
    const queue = createEventQueue<number>();
    const reading = collect(queue.drain(new AbortController().signal));
    queue.push(1);
    queue.push(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    queue.push(3);
    queue.end();
    queue.push(4); // after the end: dropped
    expect(await reading).toEqual([1, 2, 3]);
  });

  it("an abort ends a reader that waits for an item", async () => {
    const queue = createEventQueue<number>();
    const abort = new AbortController();
    const reading = collect(queue.drain(abort.signal));
    await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    expect(await reading).toEqual([]);
  });
});
