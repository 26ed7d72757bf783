// Graceful shutdown: resources close in reverse order of registration (stop accepting HTTP,
// drain, stop consumers, flush producers, close pools) on SIGTERM/SIGINT.
import type { Logger } from "../logging/logger.js";

export interface Lifecycle {
  add(name: string, close: () => Promise<void> | void): void;
  shutdown(reason?: string): Promise<void>;
  installSignalHandlers(): void;
}

export function createLifecycle(logger: Logger, timeoutMs = 10_000): Lifecycle {
  const resources: Array<{ name: string; close: () => Promise<void> | void }> = [];
  let shuttingDown: Promise<void> | undefined;

  async function closeAll(reason: string) {
    logger.info({ reason }, "shutting down");
    for (const { name, close } of [...resources].reverse()) {
      try {
        await close();
        logger.debug({ resource: name }, "closed");
      } catch (error) {
        logger.error({ err: error, resource: name }, "close failed");
      }
    }
  }

  const lifecycle: Lifecycle = {
    add: (name, close) => void resources.push({ name, close }),
    shutdown(reason = "shutdown") {
      shuttingDown ??= closeAll(reason);
      return shuttingDown;
    },
    installSignalHandlers() {
      let stopping = false;
      for (const signal of ["SIGTERM", "SIGINT"] as const) {
        // Stays registered: a second signal during shutdown is ignored instead of killing the
        // process (a library's handler may re-raise when no other listener is left).
        process.on(signal, () => {
          if (stopping) return;
          stopping = true;
          const timer = setTimeout(() => {
            logger.error({ timeoutMs }, "shutdown timed out");
            process.exit(1);
          }, timeoutMs);
          timer.unref();
          void lifecycle.shutdown(signal).then(() => process.exit(0));
        });
      }
    },
  };
  return lifecycle;
}
