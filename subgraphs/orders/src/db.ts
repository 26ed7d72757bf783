// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/orders/schema/schema.prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import { type PgEnv, pgConnection } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/orders/generated/client/index.js";

export { Prisma };
export type OrdersPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type OrdersTx = Prisma.TransactionClient;

export function createPrisma(env: PgEnv): OrdersPrisma {
  // Under load a transaction may wait for a pool connection longer than Prisma's 2 s default.
  return new PrismaClient({
    adapter: new PrismaPg(pgConnection(env)),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

/** Prisma's unique-constraint violation (e.g. a second order with the same idempotency key). */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
