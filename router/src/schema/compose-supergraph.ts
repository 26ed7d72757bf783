// Composes the subgraphs listed in supergraph.yaml with @apollo/composition. Problems come back
// as readable lines naming the subgraph and the file:line:column they point at.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import type { GraphQLError } from "graphql";
import { parse, Source } from "../graphql-runtime.js";
import type { SubgraphEntry } from "./supergraph-config.js";

export type CompositionOutcome = { ok: true; supergraphSdl: string } | { ok: false; problems: string[] };

export async function composeSupergraph(subgraphs: SubgraphEntry[], cwd = process.cwd()): Promise<CompositionOutcome> {
  const problems: string[] = [];
  const services = [];
  for (const subgraph of subgraphs) {
    const display = path.relative(cwd, subgraph.schemaFile);
    let sdl: string;
    try {
      sdl = await readFile(subgraph.schemaFile, "utf8");
    } catch {
      problems.push(`[${subgraph.name}] schema file not found: ${display}`);
      continue;
    }
    try {
      services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(new Source(sdl, display)) });
    } catch (error) {
      problems.push(`[${subgraph.name}] ${describe(error as GraphQLError, subgraph.name)}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (services.length === 0) return { ok: false, problems: ["supergraph.yaml lists no subgraphs"] };

  const result = composeServices(services);
  if (result.errors) {
    const byFile = new Map(services.map((service) => [service.typeDefs.loc?.source.name, service.name]));
    return { ok: false, problems: result.errors.map((error) => describe(error, undefined, byFile)) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

function describe(error: GraphQLError, subgraph?: string, byFile = new Map<string | undefined, string>()): string {
  const code = typeof error.extensions?.code === "string" ? `${error.extensions.code}: ` : "";
  const where = (error.nodes ?? [])
    .map((node) => {
      const loc = node.loc;
      if (!loc) return undefined;
      const { line, column } = position(loc.source.body, loc.start);
      return `${subgraph ?? byFile.get(loc.source.name) ?? "?"} at ${loc.source.name}:${line}:${column}`;
    })
    .filter((entry): entry is string => entry !== undefined);
  if (where.length === 0 && error.source && error.locations?.[0]) {
    const { line, column } = error.locations[0];
    where.push(`${subgraph ?? "?"} at ${error.source.name}:${line}:${column}`);
  }
  return `${code}${error.message}${where.length > 0 ? `\n      (${where.join("; ")})` : ""}`;
}

function position(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
