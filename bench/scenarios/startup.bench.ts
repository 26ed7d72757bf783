// `npm run bench startup`: every process started from its TypeScript source with tsx (how
// `npm start` runs it) and from its built bundle with plain node (how the image runs it; `npm run
// build` first): time from spawn to a healthy /health, RSS once healthy and CPU-seconds spent
// starting, median of BENCH_STARTUP_RUNS (3) one process at a time. It builds first. Writes
// bench/results/startup.md. The router runs one worker and finds identity's JWKS at a built
// identity kept up for it.
import { type ChildProcess, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort, startBuilt, startTsx, stop, usageOf, waitForHealthy } from "@shopstream/testkit";
import { resultsDir, root } from "../src/support/paths.js";

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const processes = ["identity", "catalog", "inventory", "orders", "recommendations", "legacy", "router"];
const entry = (name: string, built: boolean) => {
  const dir = name === "router" ? "router" : `subgraphs/${name}`;
  return built ? `${dir}/dist/server.js` : `${dir}/src/server.ts`;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Figures {
  readyMs: number;
  rssMb: number;
  cpuSeconds: number;
}

async function measure(name: string, built: boolean, env: Record<string, string>): Promise<Figures> {
  const port = await freePort();
  const begun = performance.now();
  const child: ChildProcess = (built ? startBuilt : startTsx)(entry(name, built), {
    ...env,
    PORT: String(port),
    LOG_LEVEL: "error",
  });
  child.stdout?.resume(); // nobody reads it: keep the pipe from filling
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/health`, 120_000);
    const readyMs = performance.now() - begun;
    const usage = usageOf({ [name]: child.pid! })[name]!;
    return { readyMs, rssMb: usage.rssBytes / 2 ** 20, cpuSeconds: usage.cpuSeconds };
  } finally {
    await stop(child);
  }
}

if (spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
const identityPort = await freePort();
const identity = startBuilt(entry("identity", true), { PORT: String(identityPort), LOG_LEVEL: "error" });
identity.stdout?.resume();
await waitForHealthy(`http://127.0.0.1:${identityPort}/health`, 120_000);
const routerEnv = {
  ROUTER_WORKERS: "1",
  IDENTITY_JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
};

const rows: string[] = [];
try {
  for (const name of processes) {
    const result: Record<string, Figures> = {};
    for (const built of [false, true]) {
      const samples: Figures[] = [];
      for (let run = 0; run < runs; run++) samples.push(await measure(name, built, name === "router" ? routerEnv : {}));
      result[built ? "built" : "tsx"] = {
        readyMs: median(samples.map((s) => s.readyMs)),
        rssMb: median(samples.map((s) => s.rssMb)),
        cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
      };
    }
    const { tsx, built } = result as { tsx: Figures; built: Figures };
    rows.push(
      `| ${name} | ${tsx.readyMs.toFixed(0)} | ${built.readyMs.toFixed(0)} | ${tsx.rssMb.toFixed(0)} | ${built.rssMb.toFixed(0)} | ${tsx.cpuSeconds.toFixed(2)} | ${built.cpuSeconds.toFixed(2)} |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await stop(identity);
}

const report = [
  `Run ${new Date().toISOString()} · median of ${runs} starts per cell, one process at a time`,
  "",
  "| Process | ready ms (tsx) | ready ms (built) | RSS MB (tsx) | RSS MB (built) | start CPU s (tsx) | start CPU s (built) |",
  "|---|--:|--:|--:|--:|--:|--:|",
  ...rows,
  "",
].join("\n");
writeFileSync(path.join(resultsDir, "startup.md"), report);
console.log(`[bench] ${path.relative(process.cwd(), path.join(resultsDir, "startup.md"))}`);
