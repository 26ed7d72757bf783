// Writes schema/operations/manifest.json (id → operation) for the frontends, which send
// `{ "documentId": "<id>" }` (or APQ `extensions.persistedQuery.sha256Hash`) instead of the text.
// Usage: npx tsx router/src/protection/write-operation-manifest.ts [operations dir]
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildOperationManifest } from "./operation-manifest.js";
import { defaultOperationsDir } from "./protection-config.js";

const dir = path.resolve(process.argv[2] ?? defaultOperationsDir);
const entries = await buildOperationManifest(dir);
const manifest = {
  format: "shopstream-trusted-documents",
  version: 1,
  operations: entries.map(({ id, names, file, body }) => ({ id, name: names[0] ?? null, file, body })),
};
await writeFile(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${entries.length} operations to ${path.join(dir, "manifest.json")}`);
