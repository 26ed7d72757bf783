// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/identity/schema/schema.prisma.
import { createPrismaClient, type PgEnv } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/identity/generated/client/index.js";

export { Prisma };
export type IdentityPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type IdentityTx = Prisma.TransactionClient;

export const createPrisma = (env: PgEnv): IdentityPrisma => createPrismaClient(PrismaClient, env);
