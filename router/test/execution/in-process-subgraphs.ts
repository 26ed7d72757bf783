// Subgraphs served in-process for executor tests: each is a real @apollo/subgraph schema executed
// by graphql-js behind the data-source interface, recording every request it gets.
import { createRequire } from "node:module";
import { composeServices } from "@apollo/composition";
import type { GraphQLDataSource } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { DocumentNode } from "graphql";
import { parse } from "../../src/graphql-runtime.js";

// The CommonJS graphql instance @apollo/subgraph builds its schemas with (see graphql-runtime.ts).
const { execute } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

export interface InProcessSubgraph {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
}

export interface RecordedRequest {
  subgraph: string;
  query: string;
  variables: Record<string, unknown>;
}

export function composeInProcess(subgraphs: InProcessSubgraph[]) {
  const composed = composeServices(
    subgraphs.map(({ name, typeDefs }) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: parse(typeDefs) })),
  );
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join("\n"));
  const requests: RecordedRequest[] = [];
  const services: Record<string, GraphQLDataSource> = {};
  for (const { name, typeDefs, resolvers } of subgraphs) {
    const schema = buildSubgraphSchema({ typeDefs: parse(typeDefs) as DocumentNode, resolvers });
    services[name] = {
      async process({ request }) {
        const variables = (request.variables ?? {}) as Record<string, unknown>;
        requests.push({ subgraph: name, query: request.query ?? "", variables });
        const result = await execute({ schema, document: parse(request.query ?? ""), variableValues: variables });
        // Through JSON, as an HTTP subgraph's answer would arrive.
        return JSON.parse(JSON.stringify(result));
      },
    };
  }
  return { supergraphSdl: composed.supergraphSdl, services, requests };
}
