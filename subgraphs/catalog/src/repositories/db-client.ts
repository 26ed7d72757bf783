import type { CatalogPrisma, CatalogTx } from "../db.js";

/**
 * Repositories are built on the shared client for reads, or on a transaction client when a
 * service writes (see createRepositories(tx) in the services).
 */
export type Db = CatalogPrisma | CatalogTx;
