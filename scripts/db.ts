// One entry point for all Prisma tooling, so the day Prisma 7 ships a WASM migrate path only
// this file changes. Usage:
//   tsx scripts/db.ts generate|migrate|check|seed [domain...]
//   tsx scripts/db.ts new-migration <domain> <name>
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// scripts/db.ts under tsx, dist/db.js when built: either way one level below the root.
const root = path.resolve(import.meta.dirname, "..");
const built = import.meta.url.endsWith(".js");
const prismaDir = path.join(root, "prisma");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");

const allDomains = readdirSync(prismaDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(prismaDir, entry.name, "schema")))
  .map((entry) => entry.name)
  .sort();

function fail(message: string): never {
  console.error(`[db] ${message}`);
  process.exit(1);
}

function selectDomains(names: string[]): string[] {
  for (const name of names)
    if (!allDomains.includes(name)) fail(`unknown domain "${name}"; known: ${allDomains.join(", ")}`);
  return names.length > 0 ? names : allDomains;
}

/** Runs the Prisma CLI for one domain; resolves with its exit status and output. */
function prisma(domain: string, args: string[]): Promise<{ status: number; stdout: string }> {
  const env = {
    ...process.env,
    PRISMA_DOMAIN: domain,
    // No native engine can be downloaded here: point the CLI at a dummy file so it does not try.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no update-check request (there is no internet to wait for)
    DATABASE_URL: process.env.DATABASE_URL ?? `postgresql://shopstream_${domain}@127.0.0.1/shopstream_${domain}`,
  };
  return new Promise((resolve) => {
    const child = spawn(prismaBin, [...args, "--config", path.join(prismaDir, "prisma.config.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      if (code !== 0 && code !== 2) process.stderr.write(stderr);
      resolve({ status: code ?? 1, stdout });
    });
  });
}

/** Runs fn for every domain, two at a time: each Prisma CLI start costs seconds of CPU. */
async function forEachDomain(domains: string[], fn: (domain: string) => Promise<void>, concurrency = 2) {
  const queue = [...domains];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let domain = queue.shift(); domain; domain = queue.shift()) await fn(domain);
    }),
  );
}

const schemaDir = (domain: string) => path.join(prismaDir, domain, "schema");
const migrationsDir = (domain: string) => path.join(prismaDir, domain, "migrations");
const snapshotFile = (domain: string) => path.join(migrationsDir(domain), ".schema-snapshot.prisma");

/** The schema as one text (files sorted by name), stored with every migration as its baseline. */
function schemaText(domain: string): string {
  return readdirSync(schemaDir(domain))
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => `// ${file}\n${readFileSync(path.join(schemaDir(domain), file), "utf8")}`)
    .join("\n");
}

function diffAgainstSnapshot(domain: string, extra: string[]) {
  const from = existsSync(snapshotFile(domain)) ? ["--from-schema-datamodel", snapshotFile(domain)] : ["--from-empty"];
  return prisma(domain, ["migrate", "diff", ...from, "--to-schema-datamodel", schemaDir(domain), ...extra]);
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case "generate":
    await forEachDomain(selectDomains(rest), async (domain) => {
      if ((await prisma(domain, ["generate", "--no-hints"])).status !== 0) fail(`prisma generate failed for ${domain}`);
      console.log(`[db] generated client for ${domain}`);
    });
    break;
  case "migrate":
    await forEachDomain(selectDomains(rest), async (domain) => {
      const { status, stdout } = await prisma(domain, ["migrate", "deploy"]);
      if (status !== 0) fail(`migrate deploy failed for ${domain}:\n${stdout}`);
      console.log(
        `[db] ${domain}: ${stdout.match(/(No pending migrations.*|All migrations have been successfully applied.*)/)?.[0] ?? "migrated"}`,
      );
    });
    break;
  case "check":
    await forEachDomain(selectDomains(rest), async (domain) => {
      const { status, stdout } = await diffAgainstSnapshot(domain, ["--script", "--exit-code"]);
      if (status === 2)
        fail(
          `prisma/${domain}/schema changed without a migration; run: npm run db:new-migration ${domain} <name>\n${stdout}`,
        );
      if (status !== 0) fail(`could not diff the ${domain} schema`);
      console.log(`[db] ${domain}: migrations match the schema`);
    });
    break;
  case "new-migration": {
    const [domain, name] = rest;
    if (!domain || !name || !/^[a-z0-9_]+$/.test(name))
      fail("usage: npm run db:new-migration <domain> <snake_case_name>");
    selectDomains([domain]);
    const { status, stdout } = await diffAgainstSnapshot(domain, ["--script", "--exit-code"]);
    if (status === 0) fail(`prisma/${domain}/schema has no changes since the last migration`);
    if (status !== 2) fail(`could not diff the ${domain} schema`);
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir(domain), `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), stdout);
    writeFileSync(snapshotFile(domain), schemaText(domain));
    const lock = path.join(migrationsDir(domain), "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(
      `[db] wrote ${path.relative(root, dir)}/migration.sql; edit it for SQL Prisma cannot express, then npm run db:migrate`,
    );
    break;
  }
  case "seed":
    for (const domain of selectDomains(rest)) {
      // Built (dist/db.js, in the image) it runs the built seeds with plain node, else the sources with tsx.
      const seed = built
        ? path.join(root, "subgraphs", domain, "dist", "seed.js")
        : path.join(root, "subgraphs", domain, "src", "seed.ts");
      if (!existsSync(seed)) continue;
      const runner = built ? process.execPath : path.join(root, "node_modules", ".bin", "tsx");
      const result = spawnSync(runner, [seed], { cwd: root, stdio: "inherit" });
      if (result.status !== 0) fail(`seed failed for ${domain}`);
    }
    break;
  default:
    fail("usage: tsx scripts/db.ts generate|migrate|check|seed [domain...] | new-migration <domain> <name>");
}
