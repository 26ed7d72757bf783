// Two small subgraphs for end-to-end router tests: `products` owns Product, `reviews` extends it
// by key. They run on the kernel's subgraph server, so they also verify the router's signed
// identity headers. SDL variants let tests recompose with a field added or removed.
import { createLogger, type RunningSubgraph, startSubgraphServer } from "@shopstream/kernel";
import { parse } from "graphql";

/** How many slowProducts calls have begun (lets a test know a request is in flight). */
export const slowProductsCalls = { started: 0 };

export const identitySecret = "router-tests-identity-secret";
const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

const catalog = [
  { id: "p1", name: "Trail shoe", price: 120, tagline: "Grip for wet rock" },
  { id: "p2", name: "Rain shell", price: 240, tagline: "Packs to a fist" },
];

export function productsSdl(options: { tagline?: boolean; slow?: boolean } = {}): string {
  return `${link}
type Query {
  topProducts: [Product!]!
  product(id: ID!): Product
  ${options.slow === false ? "" : "slowProducts(delayMs: Int!): [Product!]!"}
}
type Mutation {
  touch: Boolean!
}
type Product @key(fields: "id") {
  id: ID!
  name: String!
  price: Int!
  ${options.tagline ? "tagline: String!" : ""}
}`;
}

export const reviewsSdl = `${link}
type Product @key(fields: "id") {
  id: ID!
  reviews: [Review!] # nullable: a reviews outage must not null out the product
}
type Review {
  body: String!
  rating: Int!
}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startProducts(options: { tagline?: boolean; port?: number } = {}): Promise<RunningSubgraph<object>> {
  return startSubgraphServer({
    name: "products",
    typeDefs: parse(productsSdl(options)),
    port: options.port ?? 0,
    logger: createLogger("products", "silent"),
    identitySecret,
    context: () => ({}),
    resolvers: {
      Query: {
        topProducts: () => catalog,
        product: (_: unknown, { id }: { id: string }) => catalog.find((product) => product.id === id) ?? null,
        slowProducts: async (_: unknown, { delayMs }: { delayMs: number }) => {
          slowProductsCalls.started += 1;
          await sleep(delayMs);
          return catalog;
        },
      },
      Mutation: { touch: () => true },
      Product: { __resolveReference: ({ id }: { id: string }) => catalog.find((product) => product.id === id) },
    },
  });
}

export function startReviews(
  options: { delayMs?: number /** Awaited before each review entity is answered. */; gate?: () => Promise<void> } = {},
): Promise<RunningSubgraph<object>> {
  return startSubgraphServer({
    name: "reviews",
    typeDefs: parse(reviewsSdl),
    port: 0,
    logger: createLogger("reviews", "silent"),
    identitySecret,
    context: () => ({}),
    resolvers: {
      Product: {
        __resolveReference: async ({ id }: { id: string }) => {
          if (options.delayMs) await sleep(options.delayMs);
          await options.gate?.();
          return { id };
        },
        reviews: ({ id }: { id: string }) => [{ body: `Great ${id}`, rating: id === "p1" ? 5 : 4 }],
      },
    },
  });
}
