// The four systems under test, each a child process on its own port over the same subgraphs:
// our router, stock ApolloGateway + ApolloServer (the router bench's script, same worker count),
// Hive Gateway, and the limit baseline. `start` returns the process to sample and stop.
import type { ChildProcess } from "node:child_process";
import type { SupergraphFiles } from "../support/supergraph.js";

export type SystemKey = "stock" | "router" | "hive" | "baseline";

export interface SystemSpec {
  key: SystemKey;
  label: string;
  url: string;
  script: string;
  env(files: SupergraphFiles, common: Record<string, string>): Record<string, string>;
}

export const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);

export const systems: SystemSpec[] = [
  {
    key: "stock",
    label: "stock ApolloGateway",
    url: "http://127.0.0.1:4401/",
    script: "router/bench/support/stock-gateway.ts",
    env: (files, common) => ({
      ...common,
      PORT: "4401",
      WORKERS: String(WORKERS),
      SUPERGRAPH_PATH: files.withoutSecurityDirectives,
    }),
  },
  {
    key: "router",
    label: "shopstream router",
    url: "http://127.0.0.1:4400/graphql",
    script: "router/src/server.ts",
    // Its protections stay on (limits, cost), except the two the other gateways lack and that a
    // load test from one client trips by design: the safelist and the per-caller rate limit.
    env: (files, common) => ({
      ...common,
      PORT: "4400",
      ROUTER_WORKERS: String(WORKERS),
      SUPERGRAPH_PATH: files.full,
      ALLOW_ARBITRARY_OPERATIONS: "true",
      RATE_LIMIT_ENABLED: "false",
    }),
  },
  {
    key: "hive",
    label: "Hive Gateway",
    url: "http://127.0.0.1:4402/graphql",
    script: "bench/src/systems/hive-gateway.ts",
    env: (files, common) => ({ ...common, PORT: "4402", SUPERGRAPH_PATH: files.withoutSecurityDirectives }),
  },
  {
    key: "baseline",
    label: "limit baseline",
    url: "http://127.0.0.1:4403/graphql",
    script: "bench/src/systems/baseline-server.ts",
    env: (_files, common) => ({ ...common, PORT: "4403" }),
  },
];

export interface RunningSystem {
  spec: SystemSpec;
  child: ChildProcess;
}
