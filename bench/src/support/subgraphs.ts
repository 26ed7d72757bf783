// The real subgraphs as child processes on the bench's own ports (so a developer's `npm start`
// on 4001–4005 does not collide), after migrate + seed. The orders service runs its payment
// simulator in-process on a bench port too.
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startChild, stop, waitUntilUp } from "./children.js";
import { root, tsx } from "./paths.js";

/** Every subgraph with a server, on its default port (`portEnv(N)` in its env.ts) + 500. */
export const SUBGRAPH_PORTS: Record<string, number> = Object.fromEntries(
  readdirSync(path.join(root, "subgraphs"))
    .filter((name) => existsSync(path.join(root, "subgraphs", name, "src/server.ts")))
    .map((name) => {
      const env = readFileSync(path.join(root, "subgraphs", name, "src/env.ts"), "utf8");
      return [name, Number(/portEnv\((\d+)\)/.exec(env)?.[1] ?? 0) + 500];
    }),
);
const PAYMENT_SIMULATOR_PORT = 4590;

export const subgraphUrl = (name: string) => `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`;

export function migrateAndSeed(): void {
  for (const command of ["migrate", "seed"]) {
    const started = Date.now();
    const result = spawnSync(tsx, ["scripts/db.ts", command], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    if (result.status !== 0) throw new Error(`db.ts ${command} failed`);
    console.log(`[bench] db ${command} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

export async function startSubgraphs(
  secret: string,
): Promise<{ pids: Record<string, number>; close(): Promise<void> }> {
  const children: Record<string, ChildProcess> = {};
  for (const [name, port] of Object.entries(SUBGRAPH_PORTS)) {
    children[name] = startChild(name, `subgraphs/${name}/src/server.ts`, {
      PORT: String(port),
      IDENTITY_HMAC_SECRET: secret,
      LOG_LEVEL: "warn",
      PAYMENT_SIMULATOR_PORT: String(PAYMENT_SIMULATOR_PORT),
      PAYMENT_PROVIDER_URL: `http://127.0.0.1:${PAYMENT_SIMULATOR_PORT}`,
    });
  }
  const close = async () => {
    await Promise.all(Object.values(children).map((child) => stop(child)));
  };
  try {
    await Promise.all(
      Object.entries(SUBGRAPH_PORTS).map(([name, port]) =>
        waitUntilUp(name, children[name]!, () => fetch(`http://127.0.0.1:${port}/health`)),
      ),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { pids: Object.fromEntries(Object.entries(children).map(([name, child]) => [name, child.pid!])), close };
}
