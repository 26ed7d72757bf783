// What the services share: database, outbox, event definitions, pricing and a logger.
import type { Logger, Outbox } from "@shopstream/kernel";
import type { OrdersPrisma } from "../db.js";
import type { EventSet } from "../events/definitions.js";
import type { PricingConfig } from "./pricing.js";

export interface ServiceDeps {
  prisma: OrdersPrisma;
  outbox: Outbox;
  events: EventSet;
  pricing: PricingConfig;
  logger: Logger;
}
