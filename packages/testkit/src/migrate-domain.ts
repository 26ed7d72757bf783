// Migrates one domain's database through the project's own Prisma entry point (scripts/db.ts),
// with environment overrides choosing which server and database (PGPORT, PGDATABASE_SUFFIX).
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

/** Migrates one or more domains (two at a time: each Prisma CLI start costs seconds of CPU). */
export function migrateDomain(domains: string | string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "scripts/db.ts"), "migrate", ...[domains].flat()],
      {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`migrating ${[domains].flat().join(", ")} (${JSON.stringify(env)}) failed (${code}):\n${output}`),
          ),
    );
  });
}
