// deploy/compose/compose.yaml runs what the repository builds: every composed subgraph, started
// from an entry its workspace's build emits, health-checked, after its migrations; the router
// last, wired to each of them; the router and the storefront web app the only services with a
// published port; no secret written in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: compose services are checked field by field
const services: Record<string, any> = parse(read("deploy/compose/compose.yaml"), { merge: true }).services;
const subgraphs = Object.keys(parse(read("schema/supergraph.yaml")).subgraphs as Record<string, unknown>);
const fromImage = Object.entries(services).filter(([, service]) => service.image?.startsWith("${SHOPSTREAM_IMAGE"));
const longRunning = fromImage.filter(([name]) => !["migrate", "seed"].includes(name));

/** The workspace entry a built file comes from, if that workspace's build script emits it. */
function builtEntry(file: string): boolean {
  const match = /^(.*)\/?dist\/([\w-]+)\.js$/.exec(file);
  if (!match) return false;
  const workspace = match[1]!.replace(/\/$/, "");
  const build: string = JSON.parse(read(path.join(workspace, "package.json"))).scripts.build;
  return workspace === ""
    ? build.includes(`scripts/${match[2]}.ts`)
    : new RegExp(`\\b(src|server)/(\\w+/)?${match[2]}\\.ts`).test(build);
}

describe("the compose file", () => {
  it("runs every composed subgraph from its built entry, after its migrations, health-checked", () => {
    for (const name of subgraphs) {
      const service = services[name];
      expect(service, `no compose service for subgraph ${name}`).toBeDefined();
      expect(service.command).toEqual(["node", `subgraphs/${name}/dist/server.js`]);
      expect(service.depends_on.migrate.condition).toBe("service_completed_successfully");
      expect(services.router.environment[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:8080/graphql`);
      expect(services.router.depends_on[name].condition).toBe("service_healthy");
    }
  });

  it("starts only files the build emits, and health-checks every long-running process", () => {
    for (const [name, service] of fromImage) {
      const file =
        service.command.find((part: string) => part.endsWith(".js")) ?? service.command.at(-1).match(/\S+\.js/)?.[0];
      expect(builtEntry(file), `${name}: ${file} is not a build output`).toBe(true);
    }
    for (const [name, service] of longRunning) expect(service.healthcheck?.test, name).toBeDefined();
    for (const infrastructure of ["postgres", "redis", "kafka"])
      expect(services[infrastructure].healthcheck?.test, infrastructure).toBeDefined();
  });

  it("publishes the router and the storefront alone, and takes every secret from the environment", () => {
    expect(
      Object.entries(services)
        .filter(([, service]) => service.ports)
        .map(([name]) => name),
    ).toEqual(["router", "storefront"]);
    expect(services.storefront.environment).toMatchObject({
      ROUTER_URL: "http://router:8080",
      IDENTITY_URL: "http://identity:8080",
    });
    for (const [name, service] of Object.entries(services))
      for (const [variable, value] of Object.entries<string>(service.environment ?? {}))
        if (/SECRET|PASSWORD|TOKEN/.test(variable))
          expect(value, `${name} ${variable}`).toMatch(/^\$\{[A-Z_]+:\?.+\}$/);
  });
});
