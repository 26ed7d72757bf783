// Every subgraph has the same shape, so a reader who knows one knows all (README, "How to add a
// subgraph"). This test lists what each must have and fails on drift.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const subgraphs = readdirSync(path.join(root, "subgraphs"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** What every subgraph has; anything else in src/ is the domain's own (e.g. payments/, http/). */
const required = [
  "src/app.ts",
  "src/server.ts",
  "src/env.ts",
  "src/db.ts",
  "src/context.ts",
  "src/schema.graphql",
  "src/resolvers/index.ts",
  "src/services",
  "src/repositories",
  "src/loaders/index.ts",
  "test/support",
  "package.json",
  "tsconfig.json",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const camel = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
const read = (subgraph: string, file: string) => readFileSync(path.join(root, "subgraphs", subgraph, file), "utf8");

describe.each(subgraphs)("subgraph %s", (subgraph) => {
  it("has every file and folder of the common shape", () => {
    const missing = required.filter((entry) => !existsSync(path.join(root, "subgraphs", subgraph, entry)));
    expect(missing).toEqual([]);
  });

  it("exports one service definition from app.ts and only runs it in server.ts", () => {
    expect(read(subgraph, "src/app.ts")).toMatch(
      new RegExp(`export const ${camel(subgraph)}Service = defineService\\(\\{\\s+name: "${subgraph}"`),
    );
    const server = read(subgraph, "src/server.ts");
    const code = server.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("//"));
    expect(code).toEqual([
      'import { runService } from "@shopstream/kernel";',
      `import { ${camel(subgraph)}Service } from "./app.js";`,
      `await runService(${camel(subgraph)}Service);`,
    ]);
  });

  it("reaches the database only in repositories/ (and db.ts)", () => {
    const query =
      /\b(tx|prisma)\.[a-z][A-Za-z]*\.(find\w*|create\w*|update\w*|delete\w*|upsert|count|aggregate|groupBy)\(|\$(queryRaw|executeRaw)(Unsafe)?\s*[(`]\s*["'`]/;
    const offenders = sourceFiles(path.join(root, "subgraphs", subgraph, "src"))
      .filter((file) => !/\/repositories\/|\/db\.ts$/.test(file))
      .filter((file) => query.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it("knows its generated Prisma client only in db.ts and repositories/", () => {
    const offenders = sourceFiles(path.join(root, "subgraphs", subgraph, "src"))
      .filter((file) => !/\/repositories\/|\/db\.ts$/.test(file))
      .filter((file) => /from "[^"]*(generated\/client|@prisma\/client)[^"]*"/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it("has a seed script exactly when its definition has a seed, run by the kernel", () => {
    const scripts = JSON.parse(read(subgraph, "package.json")).scripts ?? {};
    const hasSeed = existsSync(path.join(root, "subgraphs", subgraph, "src/seed.ts"));
    expect("seed" in scripts).toBe(hasSeed);
    expect(/\n\s+seed: \(\) =>/.test(read(subgraph, "src/app.ts"))).toBe(hasSeed);
    if (hasSeed) expect(read(subgraph, "src/seed.ts")).toContain(`await runSeed(${camel(subgraph)}Service);`);
  });
});
