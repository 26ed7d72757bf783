// The Containerfile's image, built with this machine's engine (scripts/container-image), runs
// the catalog subgraph and the router against the local stack, and the router answers a query
// through both containers. Without an engine the suite says so and is skipped.
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { createScratchDatabase, freePort, type ScratchDatabase, uniqueName, waitForHealthy } from "@shopstream/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tag = "test";
const build = spawnSync("bash", ["scripts/container-image", tag], { cwd: root, encoding: "utf8", timeout: 900_000 });
const engineLine = /^ENGINE=(.*)$/m.exec(build.stdout ?? "")?.[1];
if (!engineLine)
  console.warn(`container image step skipped: ${build.stderr?.trim().split("\n").at(-1) ?? "no engine"}`);
if (build.status !== 0 && build.status !== 69) throw new Error(`building the image failed:\n${build.stderr}`);

const engine = (engineLine ?? "").split(" ");
const run = (...args: string[]) =>
  execFileSync(engine[0]!, [...engine.slice(1), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();

describe.skipIf(!engineLine)("the container image", () => {
  const names = { catalog: uniqueName("ctr-catalog"), router: uniqueName("ctr-router") };
  let database: ScratchDatabase;
  let routerPort: number;

  beforeAll(async () => {
    database = await createScratchDatabase("catalog");
    const catalogPort = await freePort();
    routerPort = await freePort();
    const common = ["run", "-d", "--network", "host", "-e", "NODE_ENV=development", "-e", "HOST=127.0.0.1"];
    run(
      ...common,
      "--name",
      names.catalog,
      "-e",
      `PORT=${catalogPort}`,
      "-e",
      `PGDATABASE_SUFFIX=${database.suffix}`,
      "-e",
      `KAFKA_TOPIC_PREFIX=${names.catalog}.`,
      `shopstream:${tag}`,
      "node",
      "subgraphs/catalog/dist/server.js",
    );
    await waitForHealthy(`http://127.0.0.1:${catalogPort}/health`);
    // The image's default command is the router.
    run(
      ...common,
      "--name",
      names.router,
      "-e",
      `PORT=${routerPort}`,
      "-e",
      "ROUTER_WORKERS=1",
      "-e",
      `SUBGRAPH_CATALOG_URL=http://127.0.0.1:${catalogPort}/graphql`,
      "-e",
      `KAFKA_TOPIC_PREFIX=${names.router}.`,
      `shopstream:${tag}`,
    );
    await waitForHealthy(`http://127.0.0.1:${routerPort}/health`, 90_000);
  }, 180_000);
  afterAll(async () => {
    for (const name of Object.values(names)) spawnSync(engine[0]!, [...engine.slice(1), "rm", "-f", name]);
    await database?.drop();
  });

  it("runs as a non-root user with a working health check, the router by default", () => {
    const image = JSON.parse(run("image", "inspect", `shopstream:${tag}`))[0];
    expect(image.Config.User).toBe("10001:10001");
    expect(image.Config.Cmd).toEqual(["node", "router/dist/server.js"]);
    // Docker keeps the health check in Config, podman next to it; run it inside the router.
    const [kind, ...command] = (image.Config.Healthcheck ?? image.Healthcheck).Test as string[];
    expect(kind).toBe("CMD");
    expect(() => run("exec", names.router, ...command)).not.toThrow();
    expect(() =>
      run("exec", names.router, "node", "-e", command.at(-1)!.replace("/health", "/no-such-path")),
    ).toThrow();
  });

  it("answers a query through the router container and the catalog container", async () => {
    const response = await fetch(`http://127.0.0.1:${routerPort}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ products(first: 1) { totalCount } }" }),
    });
    const body = (await response.json()) as { data?: { products?: { totalCount: number } }; errors?: unknown };
    expect(body.errors, JSON.stringify(body)).toBeUndefined();
    expect(body.data?.products?.totalCount).toBe(0); // the catalog container's own, empty database
  });
});
