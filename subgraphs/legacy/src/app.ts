// Builds the legacy subgraph from its dependencies. server.ts runs it as a process; tests start it
// on an ephemeral port. It publishes and consumes no events: the monolith's tables are read-only
// here and only shrink as fields move to their new owners.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, type Logger, startSubgraphServer } from "@shopstream/kernel";
import { parse } from "graphql";
import type { LegacyContext } from "./context.js";
import type { LegacyPrisma } from "./db.js";
import { createLoaders } from "./loaders/index.js";
import { resolvers } from "./resolvers/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export function createLegacySubgraph(prisma: LegacyPrisma, settings: { lowStockAt: number }) {
  return {
    name: "legacy",
    typeDefs,
    resolvers,
    context: (base: BaseRequestContext): LegacyContext => ({
      ...base,
      loaders: createLoaders(prisma),
      lowStockAt: settings.lowStockAt,
    }),
    readiness: { postgres: () => prisma.$queryRaw`SELECT 1` },
  };
}

export interface StartLegacyOptions {
  prisma: LegacyPrisma;
  lowStockAt: number;
  logger: Logger;
  port: number;
  host?: string;
  identitySecret: string;
}

export function startLegacy({ prisma, lowStockAt, ...server }: StartLegacyOptions) {
  return startSubgraphServer({ ...createLegacySubgraph(prisma, { lowStockAt }), ...server });
}
