// Every node-postgres pool and client of the project is made here, with an 'error' listener: an
// idle connection that the server drops (a restart or fail-over, code 57P01) emits 'error', and
// without a listener that event kills the process. A broken connection is replaced on next use.
import pg from "pg";
import type { Logger } from "../logging/logger.js";

export function createPgPool(config: pg.PoolConfig, logger: Logger): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", (error) => logger.warn({ err: error }, "idle PostgreSQL connection lost"));
  return pool;
}

export function createPgClient(config: pg.ClientConfig, logger: Logger): pg.Client {
  const client = new pg.Client(config);
  client.on("error", (error) => logger.warn({ err: error }, "PostgreSQL connection lost"));
  return client;
}
