// The federation workload's four subgraphs (child process), the shape of The Guild's gateway
// benchmark: accounts, inventory (a @requires), products, reviews (a @provides). Each answers a
// request body it has seen before from memory, so subgraph cost stays near zero and the bench
// measures the gateways. Prints "READY {json}" with the supergraph SDL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { HeaderMap } from "@apollo/server";
import { createSubgraphApollo } from "@shopstream/kernel";
import { parse } from "graphql";

const link = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports}])`;
const users = Array.from({ length: 10 }, (_, i) => ({
  id: `u${i}`,
  name: `User number ${i} with a fairly long display name`,
  username: `@user${i}`,
}));
const products = Array.from({ length: 9 }, (_, i) => ({
  upc: `upc-${i}`,
  name: `Product ${i}: a garment with a descriptive name`,
  price: 1_000 + i * 137,
  weight: 100 + i * 10,
}));
const reviews = Array.from({ length: 30 }, (_, i) => ({
  id: `r${i}`,
  body: `Review ${i}: fits as expected, fabric feels good, would buy again in another colour.`,
  authorId: users[i % users.length]!.id,
  upc: products[(i * 7) % products.length]!.upc,
}));

const definitions = {
  accounts: {
    typeDefs: `${link('"@key", "@shareable"')}
      type Query { me: User users(seed: String): [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable }`,
    resolvers: {
      Query: { me: () => users[0], users: () => users },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((user) => user.id === id) },
    },
  },
  inventory: {
    typeDefs: `${link('"@key", "@external", "@requires"')}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => reference,
        inStock: ({ upc }: { upc: string }) => !upc.endsWith("3"),
        shippingEstimate: ({ price, weight }: { price: number; weight: number }) =>
          price > 1_500 ? 0 : Math.round(weight / 2),
      },
    },
  },
  products: {
    typeDefs: `${link('"@key"')}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products.find((product) => product.upc === upc) },
    },
  },
  reviews: {
    typeDefs: `${link('"@key", "@external", "@provides"')}
      type Review @key(fields: "id") {
        id: ID!
        body: String
        author: User @provides(fields: "username")
        product: Product
      }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => reviews.find((review) => review.id === id),
        author: ({ authorId }: { authorId: string }) => users.find((user) => user.id === authorId),
        product: ({ upc }: { upc: string }) => ({ upc }),
      },
      User: { reviews: ({ id }: { id: string }) => reviews.filter((review) => review.authorId === id) },
      Product: { reviews: ({ upc }: { upc: string }) => reviews.filter((review) => review.upc === upc) },
    },
  },
};
type SubgraphName = keyof typeof definitions;

/** Answers are memoized per body; unique client requests make unique bodies, so the memo is bounded. */
const memoLimit = 5_000;

async function serve(name: SubgraphName): Promise<string> {
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
        if (answers.size >= memoLimit) answers.clear();
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

const names = Object.keys(definitions) as SubgraphName[];
const urls = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await serve(name)] as const)));
const composed = composeServices(
  names.map((name) => ({ name, url: urls[name]!, typeDefs: parse(definitions[name].typeDefs) })),
);
if (!composed.supergraphSdl) throw new Error(composed.errors?.map((error) => error.message).join("\n"));
process.stdout.write(`READY ${JSON.stringify({ supergraphSdl: composed.supergraphSdl })}\n`);
