// The legacy service: the monolith's view of the fields still being migrated away from it. It
// publishes and consumes no events: its tables are read-only here and only shrink as fields move
// to their new owners.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, defineService } from "@shopstream/kernel";
import { parse } from "graphql";
import type { LegacyContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type LegacyEnv, legacyEnvShape } from "./env.js";
import { createLoaders } from "./loaders/index.js";
import { resolvers } from "./resolvers/index.js";
import { seedLegacy } from "./services/legacy-seed.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const legacyService = defineService({
  name: "legacy",
  envShape: legacyEnvShape,
  createDatabase: (env: LegacyEnv) => createPrisma(env),
  build({ db, env }) {
    return {
      typeDefs,
      resolvers,
      services: {},
      context: (base: BaseRequestContext): LegacyContext => ({
        ...base,
        loaders: createLoaders(db),
        lowStockAt: env.LEGACY_LOW_STOCK_AT,
      }),
      seed: () => seedLegacy(db),
    };
  },
});
