// Programmatic entry point used by the start script, the tests and the benchmark.
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createLogger, type Logger } from "@shopstream/kernel";
import { SubgraphPools } from "./datasource/subgraph-pools.js";
import { sandboxOrigins } from "./http/cors.js";
import { createRouterHttpServer } from "./http/router-http-server.js";
import { SupergraphHolder } from "./supergraph/supergraph-holder.js";
import { watchSupergraphFile } from "./supergraph/watch-supergraph-file.js";

export interface StartRouterOptions {
  /** Either the SDL itself or a file to load (and watch, for hot reload). */
  supergraphSdl?: string;
  supergraphPath?: string;
  port?: number; // 0 = ephemeral
  host?: string;
  mode?: "development" | "production";
  /** name → URL; overrides the routing URLs recorded in the supergraph. */
  subgraphUrls?: Record<string, string>;
  subgraphTimeoutMs?: number;
  subgraphTimeouts?: Record<string, number>;
  subgraphConnections?: number;
  maxBodyBytes?: number;
  identitySecret?: string;
  corsOrigins?: string[];
  watch?: boolean;
  logger?: Logger;
}

export interface RunningRouter {
  url: string; // http://host:port/graphql
  port: number;
  /** Id of the schema version serving new requests. */
  schemaId(): string;
  /** Applies new SDL now (what the file watcher does); true when the schema changed. */
  reload(sdl?: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function startRouter(options: StartRouterOptions): Promise<RunningRouter> {
  const { supergraphPath } = options;
  const readSdl = async () => options.supergraphSdl ?? (await readFile(supergraphPath!, "utf8"));
  if (!options.supergraphSdl && !supergraphPath) throw new Error("startRouter needs supergraphSdl or supergraphPath");
  const logger = options.logger ?? createLogger("router");
  const development = (options.mode ?? "development") === "development";
  const pools = new SubgraphPools(options.subgraphConnections ?? 64);
  const holder = new SupergraphHolder(
    {
      urlOverrides: options.subgraphUrls ?? {},
      defaultTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      timeouts: options.subgraphTimeouts ?? {},
      pools,
    },
    logger,
  );
  holder.apply(await readSdl());

  const stopWatching =
    supergraphPath && !options.supergraphSdl && options.watch !== false
      ? watchSupergraphFile(supergraphPath, (sdl) => holder.apply(sdl))
      : () => {};
  const server = createRouterHttpServer(holder, {
    development,
    identitySecret: options.identitySecret ?? "dev-only-identity-secret-change-me",
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    corsOrigins: new Set([...(development ? sandboxOrigins : []), ...(options.corsOrigins ?? [])]),
    logger,
  });
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4000, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ url: `http://${host}:${port}/graphql`, development }, "router listening");

  return {
    url: `http://${host}:${port}/graphql`,
    port,
    schemaId: () => holder.current!.id,
    reload: async (sdl) => holder.apply(sdl ?? (await readSdl())),
    async close() {
      stopWatching();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await pools.close();
    },
  };
}
