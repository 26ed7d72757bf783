// The whole platform from its BUILT files, started the way the container image starts it: plain
// `node <workspace>/dist/<entry>.js`, NODE_ENV=production, every secret set to a value of this run
// (none is a development default), migrations and seeds through the built dist/db.js. It runs on
// a PostgreSQL server of its own (the services' credentials are its own too), its own Kafka topic
// namespace and its own Redis database; only the broker and Redis server are shared.

import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  freePort,
  type PrivatePostgres,
  startBuilt,
  startPrivatePostgres,
  stop,
  uniqueName,
  waitForHealthy,
} from "@shopstream/testkit";

const root = path.resolve(import.meta.dirname, "../../..");
const subgraphs = ["identity", "catalog", "inventory", "orders", "recommendations", "legacy"] as const;
export type SubgraphName = (typeof subgraphs)[number];

const secret = () => randomBytes(24).toString("base64url");

export interface BuiltPlatform {
  routerUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  identitySecret: string;
  /** The last lines each process wrote (for failure messages). */
  output(name: string): string;
  close(): Promise<void>;
}

export async function startBuiltPlatform(): Promise<BuiltPlatform> {
  const entries = [
    ...subgraphs.map((name) => `subgraphs/${name}/dist/server.js`),
    "router/dist/server.js",
    "dist/db.js",
  ];
  const missing = entries.filter((entry) => !existsSync(path.join(root, entry)));
  if (missing.length > 0) throw new Error(`not built (run npm run build): ${missing.join(", ")}`);

  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, string[]>();
  let pg: PrivatePostgres | undefined;
  const close = async () => {
    await Promise.all([...children.values()].map((child) => stop(child)));
    pg?.destroy();
  };
  try {
    pg = await startPrivatePostgres([...subgraphs]);
    const identitySecret = secret();
    const common = {
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      PGHOST: "127.0.0.1",
      PGPORT: String(pg.port),
      PGPASSWORD: secret(),
      PGDATABASE_SUFFIX: process.env.PGDATABASE_SUFFIX ?? "",
      IDENTITY_HMAC_SECRET: identitySecret,
      KAFKA_TOPIC_PREFIX: `${uniqueName("built").replace(/-/g, "")}.`,
      REDIS_URL: "redis://127.0.0.1:6379/7",
    };
    const seeded = spawnSync(process.execPath, ["dist/db.js", "seed", "catalog", "inventory"], {
      cwd: root,
      env: { ...process.env, ...common },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}${seeded.stdout}`);

    const ports = {} as Record<SubgraphName, number>;
    for (const name of subgraphs) ports[name] = await freePort();
    const subgraphUrls = Object.fromEntries(
      subgraphs.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
    ) as Record<SubgraphName, string>;
    const simulatorPort = await freePort();
    const start = (name: string, script: string, env: Record<string, string>) => {
      const child = startBuilt(script, { ...common, ...env });
      const lines: string[] = [];
      logs.set(name, lines);
      child.stdout!.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
      child.stdout!.on("data", () => lines.splice(0, Math.max(0, lines.length - 40)));
      children.set(name, child);
    };
    start("payment-simulator", "subgraphs/orders/dist/payment-simulator.js", { PORT: String(simulatorPort) });
    await waitForHealthy(`http://127.0.0.1:${simulatorPort}/health`);
    for (const name of subgraphs)
      start(name, `subgraphs/${name}/dist/server.js`, {
        PORT: String(ports[name]),
        ...(name === "identity" ? { SIGNING_KEY_SECRET: secret() } : {}),
        ...(name === "orders" ? { PAYMENT_PROVIDER_URL: `http://127.0.0.1:${simulatorPort}` } : {}),
      });
    await Promise.all(subgraphs.map((name) => waitForHealthy(`http://127.0.0.1:${ports[name]}/health`)));

    const routerPort = await freePort();
    start("router", "router/dist/server.js", {
      PORT: String(routerPort),
      ROUTER_WORKERS: "1",
      IDENTITY_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
      ROUTER_CACHE_ADMIN_TOKEN: secret(),
      ...Object.fromEntries(subgraphs.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, subgraphUrls[name]])),
    });
    await waitForHealthy(`http://127.0.0.1:${routerPort}/ready`);
    return {
      routerUrl: `http://127.0.0.1:${routerPort}/graphql`,
      subgraphUrls,
      identitySecret,
      output: (name) => (logs.get(name) ?? []).join("\n"),
      close,
    };
  } catch (error) {
    const exited = [...children]
      .filter(([, child]) => child.exitCode !== null)
      .map(([name, child]) => `${name} exited ${child.exitCode}: ${(logs.get(name) ?? []).join("\n")}`);
    await close();
    throw new Error(`${(error as Error).message}\n${exited.join("\n")}`);
  }
}
