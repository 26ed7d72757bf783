// A real PostgreSQL server of the test's own (initdb + pg_ctl on a free port, the binaries the
// stack uses), with each domain's role and migrated database, so a test can stop and start it
// mid-run, or run services with credentials of its own, without touching the shared stack
// databases other suites use. It trusts loopback connections: any password is accepted.
import { spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port.js";
import { migrateDomain } from "./migrate-domain.js";

const bin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres user (PostgreSQL refuses to run as root). */
function asPostgres(command: string, args: string[]) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

export interface PrivatePostgres {
  port: number;
  /** Stops the server (fast shutdown: connections are cut, as in a restart or fail-over). */
  stop(): void;
  start(): void;
  /** Stops it and deletes its data. */
  destroy(): void;
}

export async function startPrivatePostgres(domains: string | string[]): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "private-pg-"));
  if (isRoot) {
    const { uid, gid } = idsOf("postgres");
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off`;
  const start = () =>
    void asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", options, "start"]);
  const stop = () => void asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  try {
    const psql = (sql: string) =>
      asPostgres(path.join(bin, "psql"), [
        "-h",
        dir,
        "-p",
        String(port),
        "-U",
        "postgres",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        sql,
      ]);
    for (const domain of [domains].flat()) {
      const role = `shopstream_${domain}`;
      psql(`CREATE ROLE ${role} LOGIN CREATEDB`);
      psql(`CREATE DATABASE ${role + (process.env.PGDATABASE_SUFFIX ?? "")} OWNER ${role}`);
    }
    await migrateDomain(domains, { PGHOST: "127.0.0.1", PGPORT: String(port) });
  } catch (error) {
    stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    stop,
    start,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idsOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, user], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}
