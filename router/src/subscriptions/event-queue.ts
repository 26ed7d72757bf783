// A push-to-pull bridge: callbacks push items, one reader pulls them as an async iterator that
// never blocks an abort. An async generator parked on `await` cannot be returned from outside
// until its next item; waiting here instead ends as soon as `signal` aborts.
export interface EventQueue<T> {
  push(item: T): void;
  /** No more items: the reader gets what is queued, then done. */
  end(): void;
  drain(signal: AbortSignal): AsyncGenerator<T>;
}

export function createEventQueue<T>(): EventQueue<T> {
  const items: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  return {
    push(item) {
      if (ended) return;
      items.push(item);
      notify();
    },
    end() {
      ended = true;
      notify();
    },
    async *drain(signal) {
      const onAbort = () => notify();
      signal.addEventListener("abort", onAbort, { once: true });
      try {
        while (!signal.aborted) {
          const item = items.shift();
          if (item !== undefined) {
            yield item;
            continue;
          }
          if (ended) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        signal.removeEventListener("abort", onAbort);
      }
    },
  };
}
