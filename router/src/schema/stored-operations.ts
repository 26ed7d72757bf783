// The frontends' stored operations under schema/operations/: hand-written `*.graphql` files, and
// the persisted-documents files GraphQL Code Generator writes for an app (`persisted-documents.json`,
// { "<sha256 of the body>": "<body>" }), whose ids the app sends as they are.
// checkStoredOperations validates every one against the API schema, so a change that would break a
// shipped client fails the check instead of production.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { GraphQLSchema } from "graphql";
import { parse, Source, validate } from "../graphql-runtime.js";

export interface StoredOperation {
  /** Where it came from, relative to the operations folder ("storefront/persisted-documents.json#<id>"). */
  file: string;
  text: string;
  /** The id the client sends, when the client chose it (persisted documents). */
  id?: string;
}

const persistedDocumentsFile = "persisted-documents.json";

async function listFiles(dir: string): Promise<string[]> {
  try {
    // Not the `..data` / `..<timestamp>` folders of a mounted Kubernetes ConfigMap (copies).
    return (await readdir(dir, { recursive: true })).filter((file) => !/(^|[/\\])\.\./.test(file)).sort();
  } catch {
    return [];
  }
}

async function readPersistedDocuments(dir: string, file: string): Promise<StoredOperation[]> {
  const documents = JSON.parse(await readFile(path.join(dir, file), "utf8")) as Record<string, unknown>;
  return Object.entries(documents).map(([key, text]) => {
    if (typeof text !== "string") throw new Error(`${file}: the value of ${key} is not a document`);
    // Ids may carry the GraphQL-over-HTTP algorithm prefix ("sha256:<hex>").
    const id = key.replace(/^sha256:/, "").toLowerCase();
    if (createHash("sha256").update(text).digest("hex") !== id)
      throw new Error(`${file}: ${key} is not the SHA-256 of its document (regenerate it with the app's codegen)`);
    return { file: `${file}#${id}`, text, id };
  });
}

export async function readStoredOperations(dir: string): Promise<StoredOperation[]> {
  const operations: StoredOperation[] = [];
  for (const file of await listFiles(dir)) {
    if (file.endsWith(".graphql")) operations.push({ file, text: await readFile(path.join(dir, file), "utf8") });
    else if (path.basename(file) === persistedDocumentsFile)
      operations.push(...(await readPersistedDocuments(dir, file)));
  }
  return operations;
}

/** One line per problem: "operations/x.graphql:3:5 Cannot query field ...". */
export async function checkStoredOperations(dir: string, schema: GraphQLSchema, cwd = process.cwd()) {
  const problems: string[] = [];
  let operations: StoredOperation[];
  try {
    operations = await readStoredOperations(dir);
  } catch (error) {
    return [(error as Error).message];
  }
  for (const operation of operations) {
    const display = path.relative(cwd, path.join(dir, operation.file));
    try {
      const document = parse(new Source(operation.text, display));
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
