// Prisma client factory. The client runs without native engines (engineType = "client") on the
// pg driver adapter, see prisma/catalog/schema/schema.prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import { type DatabaseOptions, type PgEnv, pgConnection } from "@shopstream/kernel";
import { Prisma, PrismaClient } from "../../../prisma/catalog/generated/client/index.js";

export { Prisma };
export type CatalogPrisma = PrismaClient;
/** The client handed to an interactive transaction callback. */
export type CatalogTx = Prisma.TransactionClient;

/**
 * Typo-tolerant search matches names whose trigram word similarity to the query reaches this
 * (pg_trgm's default, 0.6, misses one-letter typos in short words such as "lether" → "leather").
 */
const wordSimilarityThreshold = 0.5;

export function createPrisma(env: PgEnv, options: DatabaseOptions = {}): CatalogPrisma {
  const adapter = new PrismaPg({
    ...pgConnection(env),
    options: `-c pg_trgm.word_similarity_threshold=${wordSimilarityThreshold}`,
  });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma;
}
