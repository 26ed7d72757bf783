// In-process fan-out of the events a service's GraphQL subscriptions stream. The live-event
// consumer (live-event-consumer.ts) feeds every event of its topics in; each subscription reads
// the ones it wants through `stream`, which buffers what arrives while the reader is busy, so a
// subscription that attaches before reading the current state misses nothing in between.
import type { EventDefinition, EventEnvelope } from "../events/envelope.js";

type Listener = (event: EventEnvelope<unknown>) => void;

export interface LiveEvents {
  /** Hands an event to every listener of its type (the live-event consumer calls this). */
  publish(event: EventEnvelope<unknown>): void;
  /**
   * The events of these definitions that `accept` keeps, from now until the iterator's return()
   * (a subscription ending) or `signal` aborting.
   */
  stream<T>(
    definitions: EventDefinition<T>[],
    accept: (event: EventEnvelope<T>) => boolean,
    signal?: AbortSignal,
  ): AsyncIterableIterator<EventEnvelope<T>>;
  /** Listeners now attached (a gauge for /metrics and a check for tests). */
  readonly listeners: number;
}

export function createLiveEvents(): LiveEvents {
  const byType = new Map<string, Set<Listener>>();
  let listeners = 0;
  const attach = (types: string[], listener: Listener) => {
    for (const type of types) {
      const set = byType.get(type) ?? new Set<Listener>();
      byType.set(type, set);
      set.add(listener);
    }
    listeners++;
    return () => {
      for (const type of types) byType.get(type)?.delete(listener);
      listeners--;
    };
  };
  return {
    publish(event) {
      for (const listener of byType.get(event.type) ?? []) listener(event);
    },
    stream<T>(definitions: EventDefinition<T>[], accept: (event: EventEnvelope<T>) => boolean, signal?: AbortSignal) {
      const queue: EventEnvelope<T>[] = [];
      let wake: (() => void) | undefined;
      let done = false;
      const detach = attach(
        definitions.map((definition) => definition.type),
        (event) => {
          const typed = event as EventEnvelope<T>;
          if (!accept(typed)) return;
          queue.push(typed);
          wake?.();
        },
      );
      const finish = () => {
        if (done) return;
        done = true;
        detach();
        wake?.();
      };
      signal?.addEventListener("abort", finish, { once: true });
      const iterator: AsyncIterableIterator<EventEnvelope<T>> = {
        async next() {
          while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          const event = queue.shift();
          return event ? { value: event, done: false } : { value: undefined, done: true };
        },
        async return() {
          finish();
          queue.length = 0;
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    get listeners() {
      return listeners;
    },
  };
}

/**
 * `feed` (a generator reading `stream`), made to detach `stream` however it ends: a generator
 * returned before its first next() never runs its finally, so its stream would stay attached.
 */
export function detachingOnReturn<T>(feed: AsyncGenerator<T>, stream: AsyncIterator<unknown>): AsyncGenerator<T> {
  const end = feed.return.bind(feed);
  feed.return = async (value) => {
    await stream.return?.();
    return end(value);
  };
  return feed;
}
