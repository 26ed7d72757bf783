// Catalog subgraph benchmark: `products(search…)` (with facets, as a search page asks) and
// `product(slug)`, each at concurrency 32 for 15 s, straight against the subgraph's HTTP port.
// The subgraph runs as its own process (as in production) on the seeded catalog.
// Run: `npm run bench catalog` (root) or `npx tsx subgraphs/catalog/bench/catalog.bench.ts`.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { localStackDefaults, signIdentityHeaders } from "@shopstream/kernel";
import { generateSeedCatalog } from "@shopstream/seed-catalog";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "../../..");
const port = Number(process.env.CATALOG_BENCH_PORT ?? 4802);
const secret = process.env.IDENTITY_HMAC_SECRET ?? localStackDefaults.identityHmacSecret;
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = 32;

const searchTerms = ["linen dress", "wool coat", "leather belt", "sneaker", "cashmere", "navy shirt", "boots", "silk"];
const slugs = generateSeedCatalog().products.map((product) => product.slug);

const searchQuery = `query Search($search: String!) {
  products(search: $search, first: 24) {
    totalCount
    edges { node { id slug name brand { name } priceRange { min { amount currency } } images { url } } }
    pageInfo { hasNextPage endCursor }
    facets { brands { brand { name } count } sizes { value count } colours { value count } priceBands { min max count } }
  }
}`;
const productQuery = `query Product($slug: String!) {
  product(slug: $slug) {
    id name description brand { name } categories { name }
    variants { id sku size colour price { amount currency } compareAtPrice { amount currency } }
  }
}`;

function startSubgraph(): ChildProcess {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "subgraphs/catalog/src/server.ts")], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn", IDENTITY_HMAC_SECRET: secret },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return child;
}

async function waitReady(url: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`catalog did not become ready at ${url}`);
}

async function run(
  title: string,
  query: string,
  variables: (i: number) => Record<string, unknown>,
  duration = seconds,
) {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({
          ...request,
          // Signed per request: the router signs every request too, and signatures expire.
          headers: {
            "content-type": "application/json",
            ...signIdentityHeaders({ userId: null, sessionId: null, scopes: [] }, secret),
          },
          body: JSON.stringify({ query, variables: variables(i++) }),
        }),
      },
    ],
  });
  const errors = result.errors + result.non2xx;
  return {
    scenario: title,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors,
  };
}

const seed = spawnSync(
  path.join(root, "node_modules/.bin/tsx"),
  [path.join(root, "scripts/db.ts"), "seed", "catalog"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (seed.status !== 0) throw new Error("seeding the catalog failed");

const subgraph = startSubgraph();
try {
  await waitReady(`http://127.0.0.1:${port}/ready`);
  // Warm-up: JIT, connection pool, PostgreSQL caches.
  await run("warm-up", searchQuery, (i) => ({ search: searchTerms[i % searchTerms.length] }), 3);
  const results = [
    await run("products(search) + facets", searchQuery, (i) => ({ search: searchTerms[i % searchTerms.length] })),
    await run("product(slug)", productQuery, (i) => ({ slug: slugs[(i * 7) % slugs.length] })),
  ];
  console.log(`\ncatalog subgraph, concurrency ${connections}, ${seconds}s per scenario`);
  console.table(results);
  if (results.some((row) => row.errors > 0)) process.exitCode = 1;
} finally {
  subgraph.kill("SIGTERM");
}
