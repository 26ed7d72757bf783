// Linked specs (for: EXECUTION / SECURITY) this router agrees to serve. Supergraph.build refuses
// anything else, the way @apollo/gateway does. @authenticated and @requiresScopes are accepted
// because subgraphs enforce them today on the signed identity (anonymous until JWT verification
// lands); the router's own authorize step will enforce them at the edge too.
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES } from "@apollo/federation-internals";

export const SUPPORTED_SUPERGRAPH_FEATURES: ReadonlySet<string> = new Set([
  ...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES,
  "https://specs.apollo.dev/authenticated/v0.1",
  "https://specs.apollo.dev/requiresScopes/v0.1",
]);

export const supergraphBuildOptions = { supportedFeatures: SUPPORTED_SUPERGRAPH_FEATURES as Set<string> };
