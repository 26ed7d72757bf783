// Workspaces use each other through their package names (`@shopstream/<name>`, and the paths its
// package.json exports), never by relative paths into another workspace's folders: what a
// workspace offers is what its exports list. The one shared folder is prisma/ (the generated
// clients, one per domain, by the layout every subgraph follows).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const { workspaces } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { workspaces: string[] };
const workspaceDirs = workspaces.flatMap((pattern) =>
  pattern.endsWith("/*")
    ? readdirSync(path.join(root, pattern.slice(0, -2)), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(pattern.slice(0, -2), entry.name))
    : [pattern],
);
const shared = ["prisma"];
const skipped = new Set(["node_modules", "generated", "dist", ".stack", ".turbo", ".git"]);

function typescriptFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(relative);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [relative] : [];
  });
}

const workspaceOf = (file: string) =>
  workspaceDirs.find((dir) => file === dir || file.startsWith(`${dir}/`)) ??
  shared.find((dir) => file.startsWith(`${dir}/`)) ??
  "(root)";

const relativeImport = /(?:from\s+|import\s*\(\s*|export\s+\*\s+from\s+)"(\.{1,2}\/[^"]+)"/g;

describe("imports between workspaces", () => {
  it("finds the workspaces it checks", () => {
    expect(workspaceDirs).toEqual(expect.arrayContaining(["router", "bench", "tests", "packages/kernel"]));
  });

  it("never reaches into another workspace by a relative path", () => {
    const crossings: string[] = [];
    for (const dir of [...workspaceDirs, "scripts"]) {
      for (const file of typescriptFiles(dir)) {
        const source = readFileSync(path.join(root, file), "utf8");
        for (const [, specifier] of source.matchAll(relativeImport)) {
          const target = path.normalize(path.join(path.dirname(file), specifier!));
          const from = workspaceOf(file);
          const to = workspaceOf(target);
          if (to !== from && !shared.includes(to)) crossings.push(`${file} → ${specifier} (${to})`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
