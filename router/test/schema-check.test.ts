// schema:check against fixtures: each failure kind is caught with a message naming what broke.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type CheckReport, checkSchema } from "../src/schema/check-schema.js";
import { generateSchemaFiles, writeIfChanged } from "../src/schema/generate-schema-files.js";
import { schemaLayout } from "../src/schema/schema-layout.js";

const fixtures = path.join(import.meta.dirname, "fixtures/schema-check");
const root = path.resolve(import.meta.dirname, "../..");

async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `schema-check-${name}-`));
  await cp(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** Composes what composes, so the committed files are fresh unless a test changes a subgraph. */
async function composeFixture(name: string): Promise<string> {
  const dir = await copyFixture(name);
  const layout = schemaLayout(dir);
  const generated = await generateSchemaFiles(layout, dir);
  if (generated.ok && !generated.empty) {
    await writeIfChanged(layout.supergraphFile, generated.supergraphSdl);
    await writeIfChanged(layout.apiSchemaFile, generated.apiSdl);
  }
  return dir;
}

/** Checks against the fixture's baseline-api-schema.graphql (the API schema before the change). */
async function check(dir: string): Promise<CheckReport> {
  const baseline = await readFile(path.join(dir, "baseline-api-schema.graphql"), "utf8").catch(() => undefined);
  return checkSchema(
    schemaLayout(dir),
    baseline === undefined ? null : { label: "fixture baseline", sdl: baseline },
    dir,
  );
}

const section = (report: CheckReport, title: string) => report.sections.find((s) => s.title.startsWith(title));

describe("schema:check", () => {
  it("reports a composition error with its code, subgraph and file location", async () => {
    const report = await check(await composeFixture("composition-error"));
    expect(report.ok).toBe(false);
    const lines = section(report, "Composition errors")!.lines.join("\n");
    expect(lines).toContain('FIELD_TYPE_MISMATCH: Type of field "Product.name" is incompatible across subgraphs');
    expect(lines).toContain("reviews at subgraphs/reviews.graphql:5:3");
    expect(lines).toContain("products at subgraphs/products.graphql:9:3");
  });

  it("fails on a breaking removal against the committed API schema", async () => {
    const report = await check(await composeFixture("breaking-removal"));
    expect(report.ok).toBe(false);
    expect(section(report, "Committed composed files")!.failed).toBe(false);
    const breaking = section(report, "Breaking changes")!;
    expect(breaking.failed).toBe(true);
    expect(breaking.lines).toContain("FIELD_REMOVED: Product.sku was removed.");
  });

  it("lets a breaking change through once acknowledged with a reason", async () => {
    const dir = await composeFixture("breaking-removal");
    await writeFile(
      path.join(dir, "breaking-changes.yaml"),
      '- change: "FIELD_REMOVED: Product.sku was removed."\n  reason: "no client reads sku since storefront 4.2"\n',
    );
    const report = await check(dir);
    const breaking = section(report, "Breaking changes")!;
    expect(breaking.failed).toBe(false);
    expect(breaking.lines).toContain("FIELD_REMOVED: Product.sku was removed. (acknowledged)");
    expect(report.ok).toBe(true);
  });

  it("fails on a stored operation that no longer validates, naming file, line and field", async () => {
    const report = await check(await composeFixture("broken-operation"));
    expect(report.ok).toBe(false);
    expect(section(report, "Stored operations")!.lines).toEqual([
      'operations/storefront/product.graphql:5:5 Cannot query field "colour" on type "Product".',
    ]);
    expect(section(report, "Committed composed files")!.failed).toBe(false);
  });

  it("passes when freshly composed, and flags stale files after a subgraph change", async () => {
    const dir = await composeFixture("broken-operation");
    const layout = schemaLayout(dir);
    await rm(path.join(dir, "operations"), { recursive: true });
    expect((await check(dir)).ok).toBe(true);
    const supergraph = await readFile(layout.supergraphFile, "utf8");
    expect(await generateSchemaFiles(layout, dir)).toMatchObject({ supergraphSdl: supergraph }); // deterministic

    const productsFile = path.join(dir, "subgraphs/products.graphql");
    await writeFile(
      productsFile,
      (await readFile(productsFile, "utf8")).replace("name: String!", "name: String!\n  slug: String"),
    );
    const stale = section(await check(dir), "Committed composed files")!;
    expect(stale.failed).toBe(true);
    expect(stale.lines).toContain("supergraph.graphql is stale");
  });

  it("exits 1 from the CLI with the report on stderr", { timeout: 30_000 }, () => {
    const result = spawnSync(
      path.join(root, "node_modules/.bin/tsx"),
      ["router/src/cli/schema-check.ts", "--dir", path.join(fixtures, "broken-operation")],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('product.graphql:5:5 Cannot query field "colour" on type "Product".');
    expect(result.stderr).toContain("schema:check FAILED");
  });
});
