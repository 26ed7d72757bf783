import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const entry = path.join(import.meta.dirname, "fixtures/service-entry.ts");
const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
const run = (env: Record<string, string>) =>
  spawnSync(tsx, [entry], { encoding: "utf8", env: { ...process.env, ...env } });

describe("service start-up with a bad environment", { timeout: 30_000 }, () => {
  it("exits non-zero naming every invalid variable", () => {
    const result = run({ PORT: "99999", PGPORT: "five", KAFKA_BROKERS: "broker-without-port" });
    expect(result.status).toBe(78);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/PGPORT: /);
    expect(result.stderr).toMatch(/KAFKA_BROKERS\.0: expected host:port/);
  });

  it("starts with a valid environment", () => {
    const result = run({ PORT: "4100" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("started on 4100\n");
  });
});
