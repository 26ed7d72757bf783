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

/**
 * A client checked out of a pool. While a client is out, pg takes the pool's 'error' listener
 * off it, so a connection lost mid-use (a restart killing the backend) would kill the process:
 * this puts one on for the checkout. The query in flight fails as usual; release() removes the
 * listener and discards a client whose connection was lost.
 */
export async function checkoutPgClient(pool: pg.Pool, logger: Logger): Promise<pg.PoolClient> {
  const client = await pool.connect();
  let lost = false;
  const onError = (error: Error) => {
    lost = true;
    logger.warn({ err: error }, "PostgreSQL connection lost while in use");
  };
  client.on("error", onError);
  const release = client.release.bind(client);
  client.release = (destroy?: boolean | Error) => {
    client.removeListener("error", onError);
    return release(destroy || lost);
  };
  return client;
}
