import type { IdentityPrisma, IdentityTx } from "../db.js";

/** Repositories run on the shared client for reads, or on a transaction client for writes. */
export type Db = IdentityPrisma | IdentityTx;
