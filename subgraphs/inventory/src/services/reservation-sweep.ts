// The periodic job that releases reservations whose hold expired. Safe with several replicas: each
// release re-checks the reservation under a row lock. Tests call sweepExpired(now) directly.
import type { Logger, PeriodicJob } from "@shopstream/kernel";
import type { ReservationService } from "./reservation-service.js";

export const reservationSweep = (
  reservations: ReservationService,
  intervalMs: number,
  logger: Logger,
): PeriodicJob => ({
  name: "reservation sweeper",
  intervalMs,
  async run() {
    const released = await reservations.sweepExpired(new Date());
    if (released > 0) logger.info({ released }, "released expired reservations");
  },
});
