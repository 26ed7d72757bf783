// The backfill CLI as an operator runs it (`npm run orders:backfill`), in a process of its own so a
// test can kill it mid-run; databases chosen by PGDATABASE_SUFFIX like every service's.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../../..");

export interface BackfillRun {
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

export function startBackfill(args: string[], env: Record<string, string>): BackfillRun {
  const child = spawn(process.execPath, ["--import", "tsx", "subgraphs/orders/src/backfill.ts", ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function backfill(args: string[], env: Record<string, string>) {
  const run = startBackfill(args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}
