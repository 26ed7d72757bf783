// Where the schema pipeline's files live inside a schema directory (schema/ in the repo, or a
// fixture directory in tests). One place, so compose, check and the router agree on names.
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

/** The repository's own schema/ directory (router/src/schema → ../../../schema). */
export const repoSchemaDir = path.resolve(import.meta.dirname, "../../../schema");
