// Builds the catalog subgraph from its dependencies. server.ts runs it as a process; tests build
// it around their own Prisma client (e.g. one that counts SQL statements).
import { readFileSync } from "node:fs";
import { type BaseRequestContext, createOutbox, type Logger, startSubgraphServer } from "@shopstream/kernel";
import { parse } from "graphql";
import type { CatalogContext } from "./context.js";
import type { CatalogPrisma } from "./db.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { createServices } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export function createCatalogSubgraph(prisma: CatalogPrisma) {
  const repositories = createRepositories(prisma);
  const services = createServices({ prisma, repositories, outbox: createOutbox("catalog") });
  return {
    name: "catalog",
    typeDefs,
    resolvers,
    /** Fresh loaders per request: their caches must not outlive the request or cross callers. */
    context: (base: BaseRequestContext): CatalogContext => ({
      ...base,
      services,
      loaders: createLoaders(repositories),
    }),
    readiness: { postgres: () => prisma.$queryRaw`SELECT 1` },
  };
}

export interface StartCatalogOptions {
  prisma: CatalogPrisma;
  logger: Logger;
  port: number;
  host?: string;
  identitySecret: string;
  kafkaBrokers?: string[];
}

export function startCatalog({ prisma, ...server }: StartCatalogOptions) {
  return startSubgraphServer({ ...createCatalogSubgraph(prisma), ...server });
}
