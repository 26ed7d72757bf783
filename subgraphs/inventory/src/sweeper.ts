// Periodically releases reservations whose hold expired. Safe with several replicas: each
// release re-checks the reservation under a row lock. Tests call sweepExpired(now) directly.
import type { Logger } from "@shopstream/kernel";
import type { ReservationService } from "./services/reservation-service.js";

export function startReservationSweeper(options: {
  reservations: ReservationService;
  intervalMs: number;
  logger: Logger;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const released = await options.reservations.sweepExpired(new Date());
        if (released > 0) options.logger.info({ released }, "released expired reservations");
      } catch (error) {
        options.logger.error({ err: error }, "reservation sweep failed");
      }
    });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
