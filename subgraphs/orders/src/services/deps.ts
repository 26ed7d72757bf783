// What the services share: database, outbox, event definitions, pricing, a logger, live events.
import type { LiveEvents, Logger, Outbox } from "@shopstream/kernel";
import type { OrdersPrisma } from "../db.js";
import type { EventSet } from "../events/definitions.js";
import type { PricingConfig } from "./pricing.js";

export interface ServiceDeps {
  prisma: OrdersPrisma;
  outbox: Outbox;
  events: EventSet;
  pricing: PricingConfig;
  logger: Logger;
  /** The saga's events as they happen, for subscriptions (order-status-feed.ts). */
  live: LiveEvents;
}
