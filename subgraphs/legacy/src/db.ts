// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/legacy/schema/schema.prisma.
import { createPrismaClient, type PgEnv } from "@shopstream/kernel";
import { PrismaClient } from "../../../prisma/legacy/generated/client/index.js";

export type LegacyPrisma = PrismaClient;

export const createPrisma = (env: PgEnv): LegacyPrisma => createPrismaClient(PrismaClient, env);
