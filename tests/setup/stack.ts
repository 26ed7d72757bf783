// Global setup for integration tests: make sure the real stack is up and every domain database
// is migrated. On failure the stack's own message (naming the service and cause) is shown.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function run(label: string, command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) {
    throw new Error(`${label} failed:\n${result.stderr || result.stdout}`);
  }
}

export default function setup() {
  if (process.env.SHOPSTREAM_SKIP_STACK === "1") return;
  run("scripts/stack up", "bash", [path.join(root, "scripts/stack"), "up"]);
  run("database migration", path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/db.ts"), "migrate"]);
}
