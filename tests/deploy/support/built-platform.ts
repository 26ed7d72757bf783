// The whole platform from its BUILT files, started the way the container image starts it: plain
// `node <workspace>/dist/<entry>.js`, NODE_ENV=production, every secret set to a value of this run
// (none is a development default), seeds through the built dist/db.js. It runs on a PostgreSQL
// server of its own (the services' credentials are its own too), its own Kafka topic namespace
// and its own Redis database; only the broker and the Redis server are shared. Each subgraph and
// the router run `instances` times behind a readiness-probing balancer (what a Kubernetes
// Service does), so a test can restart them one instance at a time.
import { type ChildProcess, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  freePort,
  type PrivatePostgres,
  type ReadyBalancer,
  startBuilt,
  startPrivatePostgres,
  startReadyBalancer,
  stop,
  uniqueName,
  waitFor,
  waitForHealthy,
} from "@shopstream/testkit";

const root = path.resolve(import.meta.dirname, "../../..");
export const subgraphs = ["identity", "catalog", "inventory", "orders", "recommendations", "legacy"] as const;
export type SubgraphName = (typeof subgraphs)[number];
export type ProcessName = SubgraphName | "router";

const secret = () => randomBytes(24).toString("base64url");
/** The storefront app's OAuth client, registered the way an operator does (identity's CLI). */
export const storefrontClientId = "storefront-web";
export const storefrontRedirectUri = "http://127.0.0.1:3000/callback";
const script = (name: ProcessName) =>
  name === "router" ? "router/dist/server.js" : `subgraphs/${name}/dist/server.js`;

export interface BuiltPlatform {
  routerUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  identitySecret: string;
  /** Restarts every instance of the process one after another: SIGTERM, wait for a clean exit,
   * start again on the same port, wait until the balancer routes to it. */
  restart(name: ProcessName): Promise<void>;
  /** Stops every instance (SIGTERM, clean exit); the balancer then has no backend: an outage. */
  stop(name: ProcessName): Promise<void>;
  /** Starts every instance again after `stop`. */
  start(name: ProcessName): Promise<void>;
  close(): Promise<void>;
}

export interface BuiltPlatformOptions {
  instances?: number;
  /** Instances drain before they stop, for as long as their balancer may still route to them. */
  drainBeforeStop?: boolean;
  /** Extra router settings (e.g. rate limits for a load). */
  routerEnv?: Record<string, string>;
}

export async function startBuiltPlatform(options: BuiltPlatformOptions = {}): Promise<BuiltPlatform> {
  const instances = options.instances ?? 1;
  const missing = [...subgraphs, "router" as const]
    .map(script)
    .concat("dist/db.js")
    .filter((entry) => !existsSync(path.join(root, entry)));
  if (missing.length > 0) throw new Error(`not built (run npm run build): ${missing.join(", ")}`);

  const children = new Map<string, ChildProcess>(); // "<name>#<instance>" → process
  const balancers = new Map<ProcessName, ReadyBalancer>();
  let pg: PrivatePostgres | undefined;
  const close = async () => {
    await Promise.all([...children.values()].map((child) => stop(child)));
    await Promise.all([...balancers.values()].map((balancer) => balancer.close()));
    pg?.destroy();
  };
  try {
    pg = await startPrivatePostgres([...subgraphs]);
    const identitySecret = secret();
    const signingKeySecret = secret();
    const common: Record<string, string> = {
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
    const registered = spawnSync(
      process.execPath,
      [
        "subgraphs/identity/dist/register-oauth-client.js",
        ...["--id", storefrontClientId, "--name", "ShopStream storefront", "--redirect-uri", storefrontRedirectUri],
      ],
      { cwd: root, env: { ...process.env, ...common, SIGNING_KEY_SECRET: signingKeySecret }, encoding: "utf8" },
    );
    if (registered.status !== 0)
      throw new Error(`client registration failed: ${registered.stderr}${registered.stdout}`);

    const simulatorPort = await freePort();
    const simulator = startBuilt("subgraphs/orders/dist/payment-simulator.js", {
      ...common,
      PORT: String(simulatorPort),
    });
    simulator.stdout!.resume();
    children.set("payment-simulator#0", simulator);
    await waitForHealthy(`http://127.0.0.1:${simulatorPort}/health`);

    const ports = new Map<string, number>();
    for (const name of [...subgraphs, "router" as const])
      for (let i = 0; i < instances; i++) ports.set(`${name}#${i}`, await freePort());
    /** An instance's base URL, "<name>#<instance>" → http://127.0.0.1:<port>. */
    const instanceUrl = (key: string) => `http://127.0.0.1:${ports.get(key)}`;
    const backends = (name: ProcessName) => Array.from({ length: instances }, (_, i) => instanceUrl(`${name}#${i}`));
    for (const name of [...subgraphs, "router" as const]) balancers.set(name, await startReadyBalancer(backends(name)));
    const subgraphUrls = Object.fromEntries(
      subgraphs.map((name) => [name, `${balancers.get(name)!.url}/graphql`]),
    ) as Record<SubgraphName, string>;
    const cacheAdminToken = secret();
    const envOf = (name: ProcessName): Record<string, string> => {
      if (name === "identity") return { SIGNING_KEY_SECRET: signingKeySecret };
      if (name === "orders") return { PAYMENT_PROVIDER_URL: `http://127.0.0.1:${simulatorPort}` };
      if (name !== "router") return {};
      return {
        ROUTER_WORKERS: "1",
        IDENTITY_JWKS_URL: `${balancers.get("identity")!.url}/.well-known/jwks.json`,
        ROUTER_CACHE_ADMIN_TOKEN: cacheAdminToken,
        ...Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${s.toUpperCase()}_URL`, subgraphUrls[s]])),
        ...options.routerEnv,
      };
    };
    const launch = async (name: ProcessName, instance: number) => {
      const key = `${name}#${instance}`;
      // A margin over the balancer's worst case: its probe timer fires late on a loaded machine.
      const drainMs = options.drainBeforeStop ? balancers.get(name)!.pullWithinMs + 500 : 0;
      const child = startBuilt(script(name), {
        ...common,
        ...envOf(name),
        PORT: String(ports.get(key)),
        SHUTDOWN_DRAIN_MS: String(drainMs),
      });
      child.stdout!.resume(); // logs go to stderr at LOG_LEVEL=error; keep the pipe from filling
      children.set(key, child);
      const backend = instanceUrl(key);
      await waitForHealthy(`${backend}/ready`, 90_000);
      balancers.get(name)!.add(backend);
      await waitFor(() => balancers.get(name)!.ready().includes(backend), { what: `the balancer to route to ${key}` });
    };
    const stopInstance = async (name: ProcessName, instance: number) => {
      const child = children.get(`${name}#${instance}`)!;
      if (child.exitCode !== null) return;
      // Out of the Service first, then SIGTERM; the drain covers requests already on their way.
      balancers.get(name)!.remove(instanceUrl(`${name}#${instance}`));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`${name}#${instance} exited ${code} on SIGTERM`);
    };
    await Promise.all(subgraphs.flatMap((name) => Array.from({ length: instances }, (_, i) => launch(name, i))));
    await Promise.all(Array.from({ length: instances }, (_, i) => launch("router", i)));

    return {
      routerUrl: `${balancers.get("router")!.url}/graphql`,
      subgraphUrls,
      identitySecret,
      async restart(name) {
        for (let i = 0; i < instances; i++) {
          await stopInstance(name, i);
          await launch(name, i);
        }
      },
      async stop(name) {
        for (let i = 0; i < instances; i++) await stopInstance(name, i);
      },
      async start(name) {
        await Promise.all(Array.from({ length: instances }, (_, i) => launch(name, i)));
      },
      close,
    };
  } catch (error) {
    const exited = [...children]
      .filter(([, child]) => child.exitCode !== null)
      .map(([name, child]) => `${name} exited ${child.exitCode}`);
    await close();
    throw new Error(`${(error as Error).message}\n${exited.join("\n")}`);
  }
}
