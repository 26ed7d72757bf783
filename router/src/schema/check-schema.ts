// `schema:check`: composes, then fails on composition errors, stale committed files,
// unacknowledged breaking changes against the baseline, and stored operations that no longer
// validate. Returns sections so the CLI can print one readable report.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildSchema } from "../graphql-runtime.js";
import { diffApiSchemas, readAcknowledgements } from "./breaking-changes.js";
import { generateSchemaFiles } from "./generate-schema-files.js";
import type { Baseline } from "./schema-baseline.js";
import type { SchemaLayout } from "./schema-layout.js";
import { checkStoredOperations } from "./stored-operations.js";

export interface CheckSection {
  title: string;
  failed: boolean;
  lines: string[];
}

export interface CheckReport {
  ok: boolean;
  sections: CheckSection[];
}

export async function checkSchema(
  layout: SchemaLayout,
  baseline: Baseline | null,
  cwd = process.cwd(),
): Promise<CheckReport> {
  const sections: CheckSection[] = [];
  const add = (title: string, failed: boolean, lines: string[]) => sections.push({ title, failed, lines });
  const done = () => ({ ok: sections.every((section) => !section.failed), sections });

  let generated: Awaited<ReturnType<typeof generateSchemaFiles>>;
  try {
    generated = await generateSchemaFiles(layout, cwd);
  } catch (error) {
    add("supergraph.yaml", true, [(error as Error).message]);
    return done();
  }
  if (!generated.ok) {
    add("Composition errors", true, generated.problems);
    return done();
  }
  if (generated.empty) {
    add("Composition", false, ["supergraph.yaml lists no subgraphs yet: nothing to check"]);
    return done();
  }
  add("Composition", false, ["composed"]);

  const stale: string[] = [];
  for (const [file, expected] of [
    [layout.supergraphFile, generated.supergraphSdl],
    [layout.apiSchemaFile, generated.apiSdl],
  ] as const) {
    const committed = await readFile(file, "utf8").catch(() => undefined);
    if (committed !== expected)
      stale.push(`${path.relative(cwd, file)} is ${committed === undefined ? "missing" : "stale"}`);
  }
  if (stale.length > 0) stale.push("run `npm run schema:compose` and commit the result");
  add("Committed composed files", stale.length > 0, stale.length > 0 ? stale : ["up to date"]);

  const apiSchema = buildSchema(generated.apiSdl);
  if (baseline) {
    const acknowledged = await readAcknowledgements(layout.acknowledgementsFile);
    const { breaking, dangerous } = diffApiSchemas(baseline.sdl, apiSchema, acknowledged);
    const open = breaking.filter((change) => !change.acknowledged);
    const lines = [
      ...open.map((change) => change.id),
      ...breaking.filter((change) => change.acknowledged).map((change) => `${change.id} (acknowledged)`),
      ...dangerous.map((change) => `${change} (dangerous, not blocking)`),
    ];
    if (open.length > 0)
      lines.push(
        `acknowledge an intended break in ${path.relative(cwd, layout.acknowledgementsFile)}: - change: "<line above>"` +
          `\n        reason: "<why clients are safe>"`,
      );
    add(`Breaking changes against ${baseline.label}`, open.length > 0, lines.length > 0 ? lines : ["none"]);
  } else {
    add("Breaking changes", false, ["no baseline API schema yet: skipped"]);
  }

  const operationProblems = await checkStoredOperations(layout.operationsDir, apiSchema, cwd);
  add("Stored operations", operationProblems.length > 0, operationProblems.length > 0 ? operationProblems : ["valid"]);
  return done();
}

export function formatReport(report: CheckReport): string {
  const body = report.sections.map(
    (section) =>
      `${section.failed ? "✗" : "✓"} ${section.title}\n${section.lines.map((line) => `    ${line}`).join("\n")}`,
  );
  return `${body.join("\n")}\n\nschema:check ${report.ok ? "passed" : "FAILED"}\n`;
}
