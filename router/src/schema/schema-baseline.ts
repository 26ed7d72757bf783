// The API schema that breaking changes are measured against: the committed file as of a git
// ref (SCHEMA_BASE_REF; else the merge-base with origin/main; else HEAD), so a change that is
// committed together with its recomposed files is still caught. Without git: the file on disk.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface Baseline {
  label: string;
  sdl: string;
}

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

function baseRef(cwd: string, env: NodeJS.ProcessEnv): string {
  if (env.SCHEMA_BASE_REF) return env.SCHEMA_BASE_REF;
  try {
    git(cwd, ["rev-parse", "--verify", "-q", "origin/main"]);
    return git(cwd, ["merge-base", "HEAD", "origin/main"]);
  } catch {
    return "HEAD";
  }
}

export async function resolveBaseline(apiSchemaFile: string, env = process.env): Promise<Baseline | null> {
  const dir = path.dirname(apiSchemaFile);
  try {
    const top = git(dir, ["rev-parse", "--show-toplevel"]);
    const ref = baseRef(dir, env);
    const relative = path.relative(top, apiSchemaFile).split(path.sep).join("/");
    return { label: `${relative} at ${ref}`, sdl: git(top, ["show", `${ref}:${relative}`]) };
  } catch {
    const sdl = await readFile(apiSchemaFile, "utf8").catch(() => undefined);
    return sdl === undefined ? null : { label: `${path.basename(apiSchemaFile)} on disk`, sdl };
  }
}
