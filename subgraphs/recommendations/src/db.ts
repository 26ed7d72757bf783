// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/recommendations/schema/schema.prisma.
import { createPrismaClient, type PgEnv } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/recommendations/generated/client/index.js";

export { Prisma };
export type RecommendationsPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type RecommendationsTx = Prisma.TransactionClient;
export type Db = RecommendationsPrisma | RecommendationsTx;

export const createPrisma = (env: PgEnv): RecommendationsPrisma => createPrismaClient(PrismaClient, env);
