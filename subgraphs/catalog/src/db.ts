// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/catalog/schema/schema.prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import { type PgEnv, pgConnection } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/catalog/generated/client/index.js";

export { Prisma };
export type CatalogPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type CatalogTx = Prisma.TransactionClient;

export interface CreatePrismaOptions {
  /** Called once per SQL statement sent; used by tests to prove batching (and for debug logs). */
  onQuery?: (sql: string) => void;
}

export function createPrisma(env: PgEnv, options: CreatePrismaOptions = {}): CatalogPrisma {
  const adapter = new PrismaPg(pgConnection(env));
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma;
}
