// Composes an in-memory supergraph from real subgraph SDL files and the URLs the test started
// the subgraphs on (name → URL); throws with composition's own messages when it fails.
import path from "node:path";
import { composeSupergraph } from "@shopstream/router/src/schema/compose-supergraph";

const root = path.resolve(import.meta.dirname, "../../..");

export async function composeSubgraphs(urls: Record<string, string>): Promise<string> {
  const composed = await composeSupergraph(
    Object.entries(urls).map(([name, routingUrl]) => ({
      name,
      routingUrl,
      schemaFile: path.join(root, `subgraphs/${name}/src/schema.graphql`),
    })),
    root,
  );
  if (!composed.ok) throw new Error(composed.problems.join("\n"));
  return composed.supergraphSdl;
}
