// GraphQL Code Generator (client preset): typed documents for every `graphql(...)` call in src/,
// validated against the supergraph's API schema, and their persisted-documents file, which
// scripts/codegen.ts registers as the router's trusted documents for this app.

import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform, type ClientPresetConfig } from "@graphql-codegen/client-preset";

const presetConfig: ClientPresetConfig = {
  fragmentMasking: false,
  persistedDocuments: { hashAlgorithm: "sha256", mode: "embedHashInDocument" },
};

const config: CodegenConfig = {
  schema: "../schema/api-schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig,
      // The router runs the registered text, so it must ask for what Apollo's cache needs.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string" } },
    },
  },
};

export default config;
