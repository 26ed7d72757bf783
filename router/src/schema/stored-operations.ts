// Validates the frontends' stored operations (schema/operations/**/*.graphql) against the API
// schema, so a change that would break a shipped client fails the check instead of production.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { GraphQLSchema } from "graphql";
import { parse, Source, validate } from "../graphql-runtime.js";

export async function listOperationFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.endsWith(".graphql"))
    .sort()
    .map((entry) => path.join(dir, entry));
}

/** One line per problem: "operations/x.graphql:3:5 Cannot query field ...". */
export async function checkStoredOperations(dir: string, schema: GraphQLSchema, cwd = process.cwd()) {
  const problems: string[] = [];
  for (const file of await listOperationFiles(dir)) {
    const display = path.relative(cwd, file);
    try {
      const document = parse(new Source(await readFile(file, "utf8"), display));
      for (const error of validate(schema, document)) {
        const at = error.locations?.[0];
        problems.push(`${display}${at ? `:${at.line}:${at.column}` : ""} ${error.message}`);
      }
    } catch (error) {
      problems.push(`${display} ${(error as Error).message}`);
    }
  }
  return problems;
}
