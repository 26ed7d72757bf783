// Child processes of the bench: each logs to its own file (so a full pipe never blocks it) and
// is stopped with SIGTERM, then SIGKILL. Readiness: an HTTP probe until it answers 2xx.
// BENCH_CPU_PROFILE=orders,inventory runs those children under V8's profiler; each writes a
// .cpuprofile into bench/results/logs/profiles when it exits (open it in Chrome DevTools).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { resultsDir, root, tsx } from "./paths.js";

export { stop } from "@shopstream/testkit";

const logsDir = path.join(resultsDir, "logs");

export function startChild(name: string, script: string, env: Record<string, string>): ChildProcess {
  mkdirSync(logsDir, { recursive: true });
  const log = openSync(path.join(logsDir, `${name}.log`), "w");
  const profiled = (process.env.BENCH_CPU_PROFILE ?? "").split(",").includes(name);
  // Node's own flags, not tsx's CLI (whose child would get them only through NODE_OPTIONS, which
  // refuses --cpu-prof).
  const [command, args] = profiled
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${path.join(logsDir, "profiles")}`, "--import", "tsx", script]]
    : [tsx, [script]];
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", log, log] });
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal === null)
      console.error(`[bench] ${name} exited with ${code} (see ${logsDir}/${name}.log)`);
  });
  return child;
}

export async function waitUntilUp(
  name: string,
  child: ChildProcess,
  probe: () => Promise<Response>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was up`);
    try {
      const response = await probe();
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error; // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not come up: ${String(last)}`);
}

export const graphqlProbe = (url: string) => () =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{__typename}"}' });
