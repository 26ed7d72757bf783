// Prisma CLI configuration for one domain at a time (PRISMA_DOMAIN), used only through
// scripts/db.ts. Migrations run the WASM schema engine through the pg driver adapter because
// no native engine can be downloaded here (see README, "Why Prisma 6.19 in JS-engine mode").
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const domain = process.env.PRISMA_DOMAIN;
if (!domain) throw new Error("PRISMA_DOMAIN is not set (run Prisma through `npm run db:*`)");
const root = path.join(import.meta.dirname, domain);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "schema"),
  migrations: { path: path.join(root, "migrations") },
  adapter: async () =>
    new PrismaPg({
      host: process.env.PGHOST ?? "127.0.0.1",
      port: Number(process.env.PGPORT ?? 5432),
      user: process.env.PGUSER ?? `shopstream_${domain}`,
      password: process.env.PGPASSWORD ?? "shopstream",
      // PGDATABASE_SUFFIX as in the services' environment: `_test` migrates the test twins.
      database: (process.env.PGDATABASE ?? `shopstream_${domain}`) + (process.env.PGDATABASE_SUFFIX ?? ""),
    }),
});
