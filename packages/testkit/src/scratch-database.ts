// A database of a test's own: a new, migrated twin of a domain database, for suites whose
// background work (sweeps, payment queues) must not see rows other suites write at the same time.
// Selected through PGDATABASE_SUFFIX, the same switch the test command uses for the `_test` twins.
import { createLogger, createPgClient, parseEnv, pgConnection, postgresEnv } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { migrateDomain } from "./migrate-domain.js";

const logger = createLogger("scratch-database", "silent");

export interface ScratchDatabase {
  /** PGDATABASE_SUFFIX selecting this database (pass it in the service's env). */
  suffix: string;
  /** Drops the database; call after every connection to it is closed. */
  drop(): Promise<void>;
}

/** `suffix` (from another scratch database) gives two domains' twins one switch, as a task reading both needs. */
export async function createScratchDatabase(
  domain: string,
  options: { suffix?: string } = {},
): Promise<ScratchDatabase> {
  const base = parseEnv(postgresEnv(domain));
  const suffix =
    options.suffix ?? `${base.PGDATABASE_SUFFIX}_${uniqueName("s").replace(/[^a-z0-9]/g, "")}`.slice(0, 40);
  const name = base.PGDATABASE + suffix;
  await admin(base, `CREATE DATABASE "${name}"`);
  try {
    await migrateDomain(domain, { PGDATABASE_SUFFIX: suffix });
  } catch (error) {
    await admin(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  return { suffix, drop: () => admin(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Runs a statement on the domain's own database (CREATE/DROP DATABASE need some connection). */
async function admin(env: ReturnType<typeof parseEnv<ReturnType<typeof postgresEnv>>>, sql: string): Promise<void> {
  const client = createPgClient(pgConnection(env), logger);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
