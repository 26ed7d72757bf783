// Reads the rover-compatible supergraph.yaml: `subgraphs.<name>.routing_url` and
// `subgraphs.<name>.schema.file` (relative to the yaml file, as rover resolves it).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  schemaFile: string;
}

const configSchema = z.object({
  federation_version: z.string().optional(),
  subgraphs: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_-]*$/, "subgraph names are lower-case identifiers"),
      z.object({ routing_url: z.string().url(), schema: z.object({ file: z.string().min(1) }) }),
    )
    .nullish(),
});

export async function readSupergraphConfig(configFile: string): Promise<SubgraphEntry[]> {
  const raw = parseYaml(await readFile(configFile, "utf8")) ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${configFile} is invalid:\n  ${problems.join("\n  ")}`);
  }
  const base = path.dirname(configFile);
  // Sorted by name so that composition output does not depend on the order in the file.
  return Object.entries(parsed.data.subgraphs ?? {})
    .map(([name, entry]) => ({
      name,
      routingUrl: entry.routing_url,
      schemaFile: path.resolve(base, entry.schema.file),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
