// Produces the two committed artefacts from supergraph.yaml: the supergraph SDL (what the router
// loads) and the public API schema (what clients and the breaking-change check see).
import { readFile, rename, writeFile } from "node:fs/promises";
import { printApiSchema } from "./api-schema.js";
import { composeSupergraph } from "./compose-supergraph.js";
import type { SchemaLayout } from "./schema-layout.js";
import { readSupergraphConfig } from "./supergraph-config.js";

export type GeneratedFiles =
  | { ok: true; empty: false; supergraphSdl: string; apiSdl: string }
  | { ok: true; empty: true }
  | { ok: false; problems: string[] };

export async function generateSchemaFiles(layout: SchemaLayout, cwd = process.cwd()): Promise<GeneratedFiles> {
  const subgraphs = await readSupergraphConfig(layout.configFile);
  // The list grows one subgraph at a time; before the first one there is nothing to compose.
  if (subgraphs.length === 0) return { ok: true, empty: true };
  const outcome = await composeSupergraph(subgraphs, cwd);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    empty: false,
    supergraphSdl: outcome.supergraphSdl,
    apiSdl: printApiSchema(outcome.supergraphSdl),
  };
}

/**
 * Writes only files whose content changed (an unchanged compose leaves mtimes alone), atomically
 * via rename so a hot-reloading router never reads a half-written supergraph.
 */
export async function writeIfChanged(file: string, content: string): Promise<boolean> {
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === content) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
  return true;
}
