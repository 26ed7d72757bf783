// Builds the inventory subgraph from its dependencies: schema, resolvers, per-request context,
// event handlers and services. server.ts runs it; tests use it directly.
import { readFileSync } from "node:fs";
import type { BaseRequestContext } from "@shopstream/kernel";
import { parse } from "graphql";
import type { InventoryContext } from "./context.js";
import type { InventoryPrisma, InventoryTx } from "./db.js";
import { orderEventHandlers } from "./events/order-handlers.js";
import { createLoaders } from "./loaders/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices, type InventoryConfig } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export function createInventoryApp(deps: { prisma: InventoryPrisma; config: InventoryConfig }) {
  const { prisma, config } = deps;
  const services = createServices(prisma, config);
  return {
    name: "inventory",
    typeDefs,
    resolvers,
    services,
    handlers: orderEventHandlers(services.reservations),
    /** The consumer runner's transaction: long waits, as for every inventory transaction. */
    transaction: <R>(fn: (tx: InventoryTx) => Promise<R>) =>
      prisma.$transaction(fn, { maxWait: 60_000, timeout: 60_000 }),
    context: (base: BaseRequestContext): InventoryContext => ({
      ...base,
      prisma,
      services,
      loaders: createLoaders(prisma),
      lowStockThreshold: config.lowStockThreshold,
    }),
  };
}

export type InventoryApp = ReturnType<typeof createInventoryApp>;

export const configFromEnv = (env: { LOW_STOCK_THRESHOLD: number; RESERVATION_TTL_SECONDS: number }) => ({
  lowStockThreshold: env.LOW_STOCK_THRESHOLD,
  reservationTtlMs: env.RESERVATION_TTL_SECONDS * 1000,
});
