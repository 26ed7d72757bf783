// Connection fields for pg / @prisma/adapter-pg from a postgresEnv() environment.
export interface PgEnv {
  PGHOST: string;
  PGPORT: number;
  PGUSER: string;
  PGPASSWORD: string;
  PGDATABASE: string;
  PGDATABASE_SUFFIX: string;
  PG_POOL_MAX: number;
}

export function pgConnection(env: PgEnv) {
  return {
    host: env.PGHOST,
    port: env.PGPORT,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE + env.PGDATABASE_SUFFIX,
    max: env.PG_POOL_MAX,
  };
}
