import type { Outbox } from "@shopstream/kernel";
import type { CatalogPrisma } from "../db.js";
import type { Repositories } from "../repositories/index.js";

export interface ServiceDeps {
  prisma: CatalogPrisma;
  /** Repositories on the shared client, for reads outside transactions. */
  repositories: Repositories;
  outbox: Outbox;
}
