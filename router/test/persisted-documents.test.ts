// An app's codegen output (persisted-documents.json: { "sha256:<hex>": body }) as trusted
// documents: registered under the app's own ids, checked against the schema, refused when an id
// is not its body's hash, and runnable by id or by its text.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema, parse } from "../src/graphql-runtime.js";
import { ApqStore } from "../src/protection/apq-store.js";
import { buildOperationManifest } from "../src/protection/operation-manifest.js";
import { TrustedDocuments } from "../src/protection/trusted-documents.js";
import { checkStoredOperations } from "../src/schema/stored-operations.js";

const hash = (text: string) => createHash("sha256").update(text).digest("hex");
const appText = "query Shelf { __typename shelf { __typename id title } }";
const schema = buildSchema("type Query { shelf: Shelf } type Shelf { id: ID! title: String! }");

function operationsDir(documents: Record<string, string>, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "operations-"));
  mkdirSync(path.join(dir, "web"));
  writeFileSync(path.join(dir, "web/persisted-documents.json"), JSON.stringify(documents));
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe("persisted documents as trusted documents", () => {
  it("registers each under the app's id (prefix dropped) next to hand-written files", async () => {
    const dir = operationsDir(
      { [`sha256:${hash(appText)}`]: appText },
      { "ops.graphql": "query Ids { shelf { id } }" },
    );
    // A mounted ConfigMap's hidden copies are not read twice.
    mkdirSync(path.join(dir, "..2026_12_02"));
    symlinkSync(path.join(dir, "web"), path.join(dir, "..data"));
    const entries = await buildOperationManifest(dir);
    expect(entries.map((entry) => [entry.file, entry.names])).toEqual([
      ["ops.graphql", ["Ids"]],
      [`web/persisted-documents.json#${hash(appText)}`, ["Shelf"]],
    ]);
    for (const entry of entries) expect(entry.id).toBe(hash(entry.body));
    expect(await checkStoredOperations(dir, schema, dir)).toEqual([]);
  });

  it("reports an app operation the schema no longer serves, and an id that is not its body's hash", async () => {
    const broken = "query Shelf { shelf { id subtitle } }";
    const dir = operationsDir({ [hash(broken)]: broken });
    expect(await checkStoredOperations(dir, schema, dir)).toEqual([
      `web/persisted-documents.json#${hash(broken)}:1:26 Cannot query field "subtitle" on type "Shelf". Did you mean "title"?`,
    ]);
    const tampered = operationsDir({ [hash(appText)]: `${appText} ` });
    await expect(buildOperationManifest(tampered)).rejects.toThrow(/is not the SHA-256 of its document/);
    expect(await checkStoredOperations(tampered, schema, tampered)).toEqual([
      expect.stringMatching(/is not the SHA-256 of its document/),
    ]);
  });

  it("runs the document by the app's id, and its text when sent in full, in enforcing mode", async () => {
    const dir = operationsDir({ [`sha256:${hash(appText)}`]: appText });
    const trusted = new TrustedDocuments(await buildOperationManifest(dir), true, new ApqStore(undefined, 60));
    const byHash = await trusted.resolve({
      extensions: { persistedQuery: { version: 1, sha256Hash: hash(appText) } },
    } as never);
    expect(byHash).toMatchObject({ query: appText, trusted: true });
    const byId = await trusted.resolve({ documentId: `sha256:${hash(appText)}` } as never);
    expect(byId.query).toBe(appText);
    const spaced = "query Shelf {\n  __typename\n  shelf { __typename id title }\n}";
    const asText = await trusted.resolve({ query: spaced } as never);
    expect(() => trusted.assertAllowed(asText, parse(spaced))).not.toThrow();
    const other = "query Shelf { shelf { id } }";
    const unknown = await trusted.resolve({ query: other } as never);
    expect(() => trusted.assertAllowed(unknown, parse(other))).toThrow(/only runs registered operations/);
  });
});
