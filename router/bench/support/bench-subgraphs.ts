// Two cheap fixture subgraphs for the gateway benchmark (child process). Each answers a request
// body it has seen before from memory, so per-request subgraph cost is close to zero and the
// benchmark measures the gateways, not the subgraphs (see environment notes on 2-core runs).
// Prints "READY {json}" with the subgraph URLs and the supergraph SDL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { HeaderMap } from "@apollo/server";
import { createSubgraphApollo } from "@shopstream/kernel";
import { parse } from "../../src/graphql-runtime.js";

const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
const products = Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `Product ${i}`, price: 100 + i }));
const definitions = {
  products: {
    typeDefs: `${link}
      type Query { topProducts(first: Int = 20): [Product!]! }
      type Product @key(fields: "id") { id: ID! name: String! price: Int! }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
      Product: { __resolveReference: ({ id }: { id: string }) => products.find((p) => p.id === id) },
    },
  },
  reviews: {
    typeDefs: `${link}
      type Product @key(fields: "id") { id: ID! reviews: [Review!]! }
      type Review { id: ID! rating: Int! body: String! }`,
    resolvers: {
      Product: {
        reviews: ({ id }: { id: string }) =>
          [1, 2].map((n) => ({ id: `${id}-r${n}`, rating: n + 3, body: `Review ${n} of ${id}` })),
      },
    },
  },
};

async function serve(name: keyof typeof definitions): Promise<string> {
  const apollo = createSubgraphApollo({
    name,
    ...definitions[name],
    typeDefs: parse(definitions[name].typeDefs),
  } as never);
  await apollo.start();
  const answers = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let answer = answers.get(body);
      if (!answer) {
        const headers = new HeaderMap([["content-type", "application/json"]]);
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: "POST", headers, search: "", body: JSON.parse(body) },
          context: async () => ({}),
        });
        answer = response.body.kind === "complete" ? response.body.string : "{}";
        answers.set(body, answer);
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const urls = { products: await serve("products"), reviews: await serve("reviews") };
const composed = composeServices(
  (Object.keys(definitions) as Array<keyof typeof definitions>).map((name) => ({
    name,
    url: urls[name],
    typeDefs: parse(definitions[name].typeDefs),
  })),
);
if (!composed.supergraphSdl) throw new Error(String(composed.errors));
process.stdout.write(`READY ${JSON.stringify({ urls, supergraphSdl: composed.supergraphSdl })}\n`);
