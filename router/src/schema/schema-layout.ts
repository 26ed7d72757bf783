// Where the schema pipeline's files live inside a schema directory (schema/ in the repo, or a
// fixture directory in tests). One place, so compose, check and the router agree on names.
import { existsSync } from "node:fs";
import path from "node:path";

export interface SchemaLayout {
  dir: string;
  configFile: string;
  supergraphFile: string;
  apiSchemaFile: string;
  operationsDir: string;
  acknowledgementsFile: string;
}

export function schemaLayout(dir: string): SchemaLayout {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    configFile: path.join(abs, "supergraph.yaml"),
    supergraphFile: path.join(abs, "supergraph.graphql"),
    apiSchemaFile: path.join(abs, "api-schema.graphql"),
    operationsDir: path.join(abs, "operations"),
    acknowledgementsFile: path.join(abs, "breaking-changes.yaml"),
  };
}

/** The repository's own schema/ directory: the nearest one holding supergraph.yaml above this
 * module, wherever the module runs from (router/src/schema under tsx, router/dist when built). */
export const repoSchemaDir = findSchemaDir(import.meta.dirname);

function findSchemaDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "schema", "supergraph.yaml"))) return path.join(dir, "schema");
    if (path.dirname(dir) === dir) return path.resolve("schema"); // not found: relative to the working directory
  }
}
