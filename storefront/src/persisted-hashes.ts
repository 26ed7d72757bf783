// Operation name → the id the router knows it by. The ids come from the same codegen output the
// router registers (schema/operations/storefront/persisted-documents.json), so the app only ever
// sends registered documents, by id.
import type { DocumentNode } from "graphql";
import persisted from "./gql/persisted-documents.json";

const operationName = (body: string) => /\b(?:query|mutation|subscription)\s+(\w+)/.exec(body)?.[1];

const idByName = new Map(
  Object.entries(persisted as Record<string, string>).map(([id, body]) => [
    operationName(body),
    id.replace(/^sha256:/, ""),
  ]),
);

export function persistedId(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== "OperationDefinition" || !definition.name) continue;
    const id = idByName.get(definition.name.value);
    if (id) return id;
    throw new Error(`operation ${definition.name.value} is not registered: run npm run codegen -w storefront`);
  }
  throw new Error("only named operations can be sent");
}
