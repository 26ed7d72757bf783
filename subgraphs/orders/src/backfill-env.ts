// What the backfill reads besides the orders environment: where the monolith's database is. The
// host, port and PGDATABASE_SUFFIX are the orders service's (one switch moves both to their twins).
import { localStackDefaults, secretEnv } from "@shopstream/kernel";
import { z } from "zod";

export const legacySourceEnvShape = {
  LEGACY_PGHOST: z.string().optional(),
  LEGACY_PGPORT: z.coerce.number().int().min(1).max(65535).optional(),
  LEGACY_PGUSER: z.string().default("shopstream_legacy"),
  LEGACY_PGPASSWORD: secretEnv(localStackDefaults.pgPassword, 1),
  LEGACY_PGDATABASE: z.string().default("shopstream_legacy"),
};
