// The trusted-documents manifest: every operation the frontends registered under
// schema/operations/**/*.graphql, keyed by id = sha256 of the normalized document (graphql
// `print` of the parsed file, so whitespace and comments do not change the id).
// `npx tsx router/src/protection/write-operation-manifest.ts` writes it to manifest.json for
// clients; the router builds it from the files at start, so it can never be stale.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Kind, parse, print } from "../graphql-runtime.js";
import { listOperationFiles } from "../schema/stored-operations.js";

export interface ManifestEntry {
  id: string;
  /** Operation names in the document (usually one). */
  names: string[];
  /** Path relative to the operations folder. */
  file: string;
  /** The normalized document, what the router runs. */
  body: string;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function normalizeDocument(text: string): string {
  return print(parse(text, { noLocation: true }));
}

export async function buildOperationManifest(dir: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const file of await listOperationFiles(dir)) {
    const body = normalizeDocument(await readFile(file, "utf8"));
    const names = parse(body, { noLocation: true })
      .definitions.map((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined,
      )
      .filter((name): name is string => Boolean(name));
    entries.push({ id: sha256(body), names, file: path.relative(dir, file), body });
  }
  return entries;
}
