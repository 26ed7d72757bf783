// The supergraph the gateways serve: composed from the repo (`npm run schema:compose`), with the
// routing URLs pointed at the bench's subgraph ports. Stock ApolloGateway refuses supergraphs that
// link @authenticated/@requiresScopes "for: SECURITY" (it cannot enforce them), so stock gateway
// and Hive Gateway get a copy with those links, definitions and applications stripped. The
// anonymous storefront queries the bench sends touch no field that carries them.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./paths.js";

export interface SupergraphFiles {
  full: string;
  withoutSecurityDirectives: string;
}

export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/(join__graph\(name: "([a-z-]+)", url: ")[^"]*(")/g, (whole, head, name: string, tail) =>
    urls[name] ? `${head}${urls[name]}${tail}` : whole,
  );
}

export function stripSecurityDirectives(sdl: string): string {
  return sdl
    .replace(/\n\s*@link\(url: "https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\/[^)]*\)/g, "")
    .replace(/\ndirective @(authenticated|requiresScopes)\b[^\n]*/g, "")
    .replace(/\nscalar requiresScopes__Scope\b[^\n]*/g, "")
    .replace(/ @authenticated\b/g, "")
    .replace(/ @requiresScopes\(scopes: \[[^\n]*?\]\]\)/g, "");
}

export function prepareSupergraph(urls: Record<string, string>): SupergraphFiles {
  const composed = spawnSync("npm", ["run", "--silent", "schema:compose"], { cwd: root, stdio: "inherit" });
  if (composed.status !== 0) throw new Error("npm run schema:compose failed");
  const sdl = withSubgraphUrls(readFileSync(path.join(root, "schema/supergraph.graphql"), "utf8"), urls);
  const dir = mkdtempSync(path.join(os.tmpdir(), "shopstream-bench-"));
  const files = {
    full: path.join(dir, "full", "supergraph.graphql"),
    withoutSecurityDirectives: path.join(dir, "stripped", "supergraph.graphql"),
  };
  for (const [file, text] of [
    [files.full, sdl],
    [files.withoutSecurityDirectives, stripSecurityDirectives(sdl)],
  ] as const) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return files;
}
