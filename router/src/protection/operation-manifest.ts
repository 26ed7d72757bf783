// The trusted-documents manifest: every operation the frontends registered under schema/operations
// (see stored-operations.ts). Always id = sha256(body): a `.graphql` file's body is its normalized
// document (graphql `print` of the parsed file, so whitespace and comments do not change the id); a
// persisted document's body is the text its app's codegen hashed, so the id the app sends.
// `npx tsx router/src/protection/write-operation-manifest.ts` writes it to manifest.json for
// clients; the router builds it from the files at start, so it can never be stale.
import { createHash } from "node:crypto";
import { Kind, parse, print } from "../graphql-runtime.js";
import { readStoredOperations } from "../schema/stored-operations.js";

export interface ManifestEntry {
  id: string;
  /** Operation names in the document (usually one). */
  names: string[];
  /** Path relative to the operations folder. */
  file: string;
  /** What the router runs; sha256(body) = id. */
  body: string;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function normalizeDocument(text: string): string {
  return print(parse(text, { noLocation: true }));
}

export async function buildOperationManifest(dir: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const { file, text, id } of await readStoredOperations(dir)) {
    // A persisted document was verified against its id; a hand-written file is normalized first.
    const body = id ? text : normalizeDocument(text);
    const names = parse(body, { noLocation: true })
      .definitions.map((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined,
      )
      .filter((name): name is string => Boolean(name));
    entries.push({ id: sha256(body), names, file, body });
  }
  return entries;
}
