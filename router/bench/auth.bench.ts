// Benchmark: what authentication and authorization add per request, in process. Token check =
// ES256 verify (local key set, as after the JWKS is cached) + one Redis EXISTS on the real local
// Redis; authorization = the operation walk on the real supergraph (a protected operation, and a
// public one that is remembered as public after its first walk). Records bench/results/auth.json.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createRedis, accessTokenDefaults as d, identitySessionKey } from "@shopstream/kernel";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { accessRequirements } from "../src/auth/access-requirements.js";
import { createAuthenticator } from "../src/auth/authenticator.js";
import { filterOperation } from "../src/auth/filter-operation.js";
import { SubgraphPools } from "../src/datasource/subgraph-pools.js";
import { parse } from "../src/graphql-runtime.js";
import { buildSchemaVersion } from "../src/supergraph/schema-version.js";

const root = path.resolve(import.meta.dirname, "../..");
const iterations = Number(process.env.BENCH_ITERATIONS ?? 5_000);

async function measure(name: string, run: () => unknown) {
  for (let i = 0; i < 200; i++) await run(); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  const q = (p: number) => Number(samples[Math.floor(p * (samples.length - 1))]!.toFixed(4));
  return { name, iterations, p50_ms: q(0.5), p99_ms: q(0.99), per_second: Math.round((iterations / total) * 1000) };
}

const redis = createRedis({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
const sid = `bench-${process.pid}-${Date.now()}`;
await redis.set(identitySessionKey(sid), "{}", "EX", 120);
const { publicKey, privateKey } = await generateKeyPair("ES256");
const keySet = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: "bench", alg: "ES256" }] });
const token = await new SignJWT({ sid, scopes: ["profile"] })
  .setProtectedHeader({ alg: "ES256", kid: "bench", typ: d.type })
  .setSubject("bench-user")
  .setIssuer(d.issuer)
  .setAudience(d.audience)
  .setIssuedAt()
  .setExpirationTime("10m")
  .sign(privateKey);
const authenticator = createAuthenticator({ jwksUrl: "http://unused", redis, keySet });

const pools = new SubgraphPools(1);
const version = buildSchemaVersion(readFileSync(path.join(root, "schema/supergraph.graphql"), "utf8"), {
  urlOverrides: {},
  defaultTimeoutMs: 1000,
  timeouts: {},
  pools,
});
const requirements = accessRequirements(version.supergraphGraphQLSchema);
const walk = (query: string) => {
  const document = parse(query);
  const operation = document.definitions[0] as never;
  return () =>
    filterOperation(version.apiGraphQLSchema, requirements, document, operation, {
      userId: null,
      sessionId: null,
      scopes: [],
    });
};
const protectedQuery = walk(
  "query { me { id email addresses { id city } } products(first: 10) { edges { node { id name variants { id sku stock { onHand } } } } } }",
);
const publicQuery = walk(
  "query { products(first: 10) { totalCount edges { node { id name slug variants { id sku } } } } }",
);

const results = [
  await measure("authenticate (ES256 verify + Redis EXISTS)", () => authenticator.authenticate(`Bearer ${token}`)),
  await measure("authorize: protected operation walked and filtered", protectedQuery),
  await measure("authorize: public operation (remembered)", publicQuery),
];
console.table(results);
await mkdir(path.join(import.meta.dirname, "results"), { recursive: true });
await writeFile(
  path.join(import.meta.dirname, "results/auth.json"),
  `${JSON.stringify({ recordedAt: new Date().toISOString(), results }, null, 2)}\n`,
);
await redis.del(identitySessionKey(sid));
redis.disconnect();
await pools.close();
