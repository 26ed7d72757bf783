// Every domain has its own generated PrismaClient class; they all connect the same way.
import { PrismaPg } from "@prisma/adapter-pg";
import { type PgEnv, pgConnection } from "../db/pg-connection.js";

export function createPrismaClient<C>(PrismaClient: new (options: { adapter: PrismaPg }) => C, env: PgEnv): C {
  return new PrismaClient({ adapter: new PrismaPg(pgConnection(env)) });
}
