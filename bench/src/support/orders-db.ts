// A direct connection to the orders database (the local stack's defaults), for reading what the
// saga recorded: the read model the bench waits for, and placed→confirmed timestamps.
import pg from "pg";

export async function connectOrdersDb(): Promise<pg.Client> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: 5432,
    user: "shopstream_orders",
    password: "shopstream",
    database: "shopstream_orders",
  });
  await client.connect();
  return client;
}
