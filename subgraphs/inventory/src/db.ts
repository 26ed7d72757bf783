// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/inventory/schema/schema.prisma.
import { createPrismaClient, type PgEnv } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/inventory/generated/client/index.js";

export { Prisma };
export type InventoryPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type InventoryTx = Prisma.TransactionClient;

export const createPrisma = (env: PgEnv): InventoryPrisma => createPrismaClient(PrismaClient, env);
