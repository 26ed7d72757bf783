// Breaking changes between the baseline API schema and the newly composed one (graphql-js
// findBreakingChanges). A change passes only when schema/breaking-changes.yaml acknowledges it
// with a reason: that file is reviewed like code.
import { readFile } from "node:fs/promises";
import type { GraphQLSchema } from "graphql";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { buildSchema, findBreakingChanges, findDangerousChanges } from "../graphql-runtime.js";

export interface SchemaChange {
  id: string; // "FIELD_REMOVED: Product.sku was removed."
  acknowledged: boolean;
}

const acknowledgementsSchema = z
  .array(z.object({ change: z.string().min(1), reason: z.string().min(10, "explain why the break is acceptable") }))
  .nullish();

export async function readAcknowledgements(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return new Set();
  }
  const parsed = acknowledgementsSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file} is invalid:\n  ${problems.join("\n  ")}`);
  }
  return new Set((parsed.data ?? []).map((entry) => entry.change.trim()));
}

export function diffApiSchemas(
  baselineSdl: string,
  next: GraphQLSchema,
  acknowledged: Set<string>,
): { breaking: SchemaChange[]; dangerous: string[] } {
  const baseline = buildSchema(baselineSdl);
  const breaking = findBreakingChanges(baseline, next).map((change) => {
    const id = `${change.type}: ${change.description}`;
    return { id, acknowledged: acknowledged.has(id) };
  });
  const dangerous = findDangerousChanges(baseline, next).map((change) => `${change.type}: ${change.description}`);
  return { breaking, dangerous };
}
