// Writes a schema directory (supergraph.yaml + subgraph SDL files) into a temp dir and composes
// it with the same code `npm run schema:compose` uses, so tests exercise the real pipeline.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generateSchemaFiles, writeIfChanged } from "@shopstream/router/src/schema/generate-schema-files";
import { schemaLayout } from "@shopstream/router/src/schema/schema-layout";

export interface FixtureSubgraph {
  name: string;
  url: string;
  sdl: string;
}

export const makeSchemaDir = () => mkdtemp(path.join(os.tmpdir(), "router-schema-"));

/** (Re)composes the subgraphs into `dir`; returns the supergraph file path. */
export async function composeInto(dir: string, subgraphs: FixtureSubgraph[]): Promise<string> {
  const layout = schemaLayout(dir);
  await mkdir(path.join(dir, "subgraphs"), { recursive: true });
  const lines = ["subgraphs:"];
  for (const subgraph of subgraphs) {
    await writeFile(path.join(dir, "subgraphs", `${subgraph.name}.graphql`), subgraph.sdl);
    lines.push(`  ${subgraph.name}:`, `    routing_url: ${subgraph.url}`, `    schema:`);
    lines.push(`      file: ./subgraphs/${subgraph.name}.graphql`);
  }
  await writeFile(layout.configFile, `${lines.join("\n")}\n`);
  const generated = await generateSchemaFiles(layout);
  if (!generated.ok) throw new Error(`fixture does not compose:\n${generated.problems.join("\n")}`);
  if (generated.empty) throw new Error("fixture has no subgraphs");
  await writeIfChanged(layout.supergraphFile, generated.supergraphSdl);
  await writeIfChanged(layout.apiSchemaFile, generated.apiSdl);
  return layout.supergraphFile;
}
