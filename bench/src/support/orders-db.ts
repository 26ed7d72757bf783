// A direct connection to the orders database (the local stack's defaults), for reading what the
// saga recorded: the read model the bench waits for, and placed→confirmed timestamps.
import { createLogger, createPgClient, parseEnv, pgConnection, postgresEnv } from "@shopstream/kernel";
import type pg from "pg";

export async function connectOrdersDb(): Promise<pg.Client> {
  const env = parseEnv(postgresEnv("orders"));
  const client = createPgClient(pgConnection(env), createLogger("bench-orders-db", "warn"));
  await client.connect();
  return client;
}
