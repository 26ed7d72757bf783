// A direct connection to one domain's database (the local stack's defaults), for reading what the
// services recorded: the read model the bench waits for, the saga's timestamps.
import { createLogger, createPgClient, parseEnv, pgConnection, postgresEnv } from "@shopstream/kernel";
import type pg from "pg";

export async function connectDomainDb(domain: "orders" | "inventory"): Promise<pg.Client> {
  const env = parseEnv(postgresEnv(domain));
  const client = createPgClient(pgConnection(env), createLogger(`bench-${domain}-db`, "warn"));
  await client.connect();
  return client;
}
