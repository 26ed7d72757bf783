import type { Logger, Outbox } from "@shopstream/kernel";
import type { Redis } from "ioredis";
import type { IdentityPrisma } from "../db.js";
import type { IdentityServiceEnv } from "../env.js";
import type { Repositories } from "../repositories/index.js";

export interface ServiceDeps {
  prisma: IdentityPrisma;
  redis: Redis;
  env: IdentityServiceEnv;
  logger: Logger;
  outbox: Outbox;
  /** Repositories on the shared client (reads); writes build them on a transaction. */
  repositories: Repositories;
}
