// `npm run schema:check` runs the storefront's `codegen --check`: it must fail when the app's
// operations and the registered trusted documents differ, and when an app operation no longer
// fits the API schema. Run here on a copy of the app, so the repository is never touched.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
let copy: string;

const check = () =>
  spawnSync(process.execPath, ["--import", "tsx", "storefront/scripts/codegen.ts", "--check"], {
    cwd: copy,
    encoding: "utf8",
  });

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), "storefront-codegen-"));
  for (const part of [
    "storefront/package.json",
    "storefront/codegen.ts",
    "storefront/scripts",
    "storefront/src",
    "schema/api-schema.graphql",
  ])
    cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  mkdirSync(path.join(copy, "schema/operations/storefront"), { recursive: true });
  cpSync(
    path.join(root, "schema/operations/storefront/persisted-documents.json"),
    path.join(copy, "schema/operations/storefront/persisted-documents.json"),
  );
  symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
});

describe("storefront codegen --check", () => {
  it("passes on the committed app, and fails once an operation changes without regenerating", () => {
    const clean = check();
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/\d+ operations registered and up to date/);

    const file = path.join(copy, "storefront/src/operations/orders.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("      placedAt\n", "      placedAt\n      shippingMethod\n"));
    const stale = check();
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/out of date: .*persisted-documents\.json/);
    writeFileSync(file, original);
  }, 60_000);

  it("fails when an app operation asks for a field the API schema does not have", () => {
    const file = path.join(copy, "storefront/src/operations/orders.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("      placedAt\n", "      placedAt\n      deliveredBy\n"));
    const broken = check();
    writeFileSync(file, original);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/do not fit the API schema[\s\S]*deliveredBy/);
  }, 60_000);
});
