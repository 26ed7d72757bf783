// Child processes for benches and process-level tests: start a TypeScript entry with tsx or a
// built one with node, wait until it is ready, stop it (SIGTERM, then SIGKILL). CPU and memory: process-usage.ts.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

/** Runs a TypeScript entry in ONE process (node with tsx's loader: the tsx CLI would run it in a
 * child of its own, which a SIGKILL to the CLI leaves running). */
export function startTsx(script: string, env: Record<string, string> = {}): ChildProcess {
  return startNode(["--import", "tsx", script], env);
}

/** Runs a built entry (dist/*.js) with plain node, as the container image starts it. */
export function startBuilt(script: string, env: Record<string, string> = {}): ChildProcess {
  return startNode([script], env);
}

function startNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** Resolves with the JSON after "READY " on the child's stdout. */
export function readyMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /^READY (.*)$/m.exec(buffered);
      if (match) resolve(JSON.parse(match[1]!) as T);
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before it was ready`)));
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"query":"{__typename}"}',
      });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = error; // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls GET url until it answers 2xx. */
export async function waitForHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy: ${String(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}
