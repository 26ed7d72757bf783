// The catalog service: products, variants, prices, categories and search. Publishes
// catalog.products through its outbox; consumes nothing.
import { readFileSync } from "node:fs";
import { type BaseRequestContext, createOutbox, defineService, topics } from "@shopstream/kernel";
import { parse } from "graphql";
import type { CatalogContext } from "./context.js";
import { createPrisma } from "./db.js";
import { type CatalogEnv, catalogEnvShape } from "./env.js";
import { createLoaders } from "./loaders/index.js";
import { createRepositories } from "./repositories/index.js";
import { resolvers } from "./resolvers/index.js";
import { seedCatalog } from "./services/catalog-seed.js";
import { createServices } from "./services/index.js";

export const typeDefs = parse(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));

export const catalogService = defineService({
  name: "catalog",
  envShape: catalogEnvShape,
  createDatabase: (env: CatalogEnv, options) => createPrisma(env, options),
  build({ db }) {
    const repositories = createRepositories(db);
    const outbox = createOutbox("catalog");
    const services = createServices({ prisma: db, repositories, outbox });
    return {
      typeDefs,
      resolvers,
      services,
      publishes: [topics.catalogProducts],
      /** Fresh loaders per request: their caches must not outlive the request or cross callers. */
      context: (base: BaseRequestContext): CatalogContext => ({
        ...base,
        services,
        loaders: createLoaders(repositories),
      }),
      seed: () => seedCatalog(db, outbox),
    };
  },
});
