// A sleep that something else can cut short (a NOTIFY, or stop()).
export function createWakeSignal() {
  let wakeUp: (() => void) | undefined;
  let pending = false;
  return {
    fire() {
      pending = true;
      wakeUp?.();
    },
    wait(timeoutMs: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          pending = false;
          resolve();
        }
        wakeUp = done;
      });
    },
  };
}
