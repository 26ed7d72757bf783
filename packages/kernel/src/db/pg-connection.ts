// Connection fields for pg / @prisma/adapter-pg from a postgresEnv() environment.
export interface PgEnv {
  PGHOST: string;
  PGPORT: number;
  PGUSER: string;
  PGPASSWORD: string;
  PGDATABASE: string;
  PG_POOL_MAX: number;
}

export function pgConnection(env: PgEnv) {
  return {
    host: env.PGHOST,
    port: env.PGPORT,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
    max: env.PG_POOL_MAX,
  };
}
