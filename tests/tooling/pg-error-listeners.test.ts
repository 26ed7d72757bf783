// An idle node-postgres connection that the server drops (restart, fail-over: code 57P01) emits
// 'error'; without a listener that kills the process. So every pool and client is made by the
// kernel's createPgPool/createPgClient, which attach one. This test fails on any other.
// (Build output, dist/, is compiled from the sources checked here.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createLogger, createPgClient, createPgPool } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const allowed = path.join(root, "packages/kernel/src/db/pg-pool.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ["node_modules", "generated", ".stack", "dist"].includes(entry.name) ? [] : sources(full);
    return /\.(ts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("PostgreSQL connections", () => {
  it("are created only through the kernel helpers that attach an error listener", () => {
    const offenders = ["packages", "subgraphs", "router", "bench", "scripts", "tests"]
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) => file !== allowed && file !== import.meta.filename)
      .filter((file) =>
        /new\s+(pg\.)?(Pool|Client)\(/.test(readFileSync(file, "utf8").replace(/new Pool\(origin/g, "")),
      )
      .filter((file) => /from "pg"/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it("a pool and a client from the helpers survive an 'error' event", () => {
    const logger = createLogger("pg-listener-test", "silent");
    const pool = createPgPool({ max: 1 }, logger);
    const client = createPgClient({}, logger);
    expect(() => pool.emit("error", new Error("terminating connection due to administrator command"))).not.toThrow();
    expect(() => client.emit("error", new Error("Connection terminated unexpectedly"))).not.toThrow();
  });
});
