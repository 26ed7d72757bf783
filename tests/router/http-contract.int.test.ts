// The router's HTTP contract: bad input gets a 4xx with a GraphQL error code (never a crash),
// health/readiness, the Sandbox landing page and CORS in development, no introspection in production.
import { createLogger, type RunningSubgraph } from "@shopstream/kernel";
import { type RunningRouter, startRouter } from "@shopstream/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeInto, makeSchemaDir } from "./support/compose-fixture.js";
import { type GraphQLResponseBody, post } from "./support/graphql-client.js";
import { identitySecret, productsSdl, reviewsSdl, startProducts, startReviews } from "./support/test-subgraphs.js";

const logger = createLogger("router-test", "silent");

describe("router HTTP contract", () => {
  let subgraphs: RunningSubgraph<object>[];
  let dev: RunningRouter;
  let prod: RunningRouter;

  beforeAll(async () => {
    subgraphs = await Promise.all([startProducts(), startReviews()]);
    const supergraphPath = await composeInto(await makeSchemaDir(), [
      { name: "products", url: subgraphs[0]!.url, sdl: productsSdl() },
      { name: "reviews", url: subgraphs[1]!.url, sdl: reviewsSdl },
    ]);
    const common = { supergraphPath, port: 0, identitySecret, logger, maxBodyBytes: 4096 };
    [dev, prod] = await Promise.all([
      startRouter({ ...common, mode: "development" }),
      startRouter({ ...common, mode: "production" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([dev?.close(), prod?.close()]);
    await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
  });

  const cases: Array<[string, unknown, number, string]> = [
    ["malformed JSON", "{ not json", 400, "BAD_REQUEST"],
    ["a non-string query", { query: 42 }, 400, "BAD_REQUEST"],
    ["a batch over the cap", Array(11).fill({ query: "{ topProducts { id } }" }), 400, "BATCH_TOO_LARGE"],
    ["a JSON scalar body", "42", 400, "BAD_REQUEST"],
    ["a syntax error", { query: "{ topProducts { id }" }, 400, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", { query: "{ nope }" }, 400, "GRAPHQL_VALIDATION_FAILED"],
    [
      "an unknown operationName",
      { query: "query A { topProducts { id } }", operationName: "B" },
      400,
      "OPERATION_RESOLUTION_FAILURE",
    ],
    [
      "an invalid variable",
      { query: "query($id: ID!) { product(id: $id) { id } }", variables: { id: { a: 1 } } },
      400,
      "BAD_USER_INPUT",
    ],
    ["a missing variable", { query: "query($id: ID!) { product(id: $id) { id } }" }, 400, "BAD_USER_INPUT"],
    ["non-object variables", { query: "{ topProducts { id } }", variables: [1] }, 400, "BAD_REQUEST"],
    ["an oversized body", { query: `{ topProducts { id } } # ${"x".repeat(5000)}` }, 413, "PAYLOAD_TOO_LARGE"],
  ];
  it.each(cases)("rejects %s with a coded 4xx", async (_label, body, status, code) => {
    const response = await post(dev.url, body);
    expect(response.status).toBe(status);
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.body.errors?.[0]?.message).toEqual(expect.any(String));
  });

  it("refuses mutations over GET", async () => {
    const response = await fetch(`${dev.url}?query=${encodeURIComponent("mutation { touch }")}`);
    expect(response.status).toBe(405);
    expect(((await response.json()) as GraphQLResponseBody).errors?.[0]?.extensions?.code).toBe("METHOD_NOT_ALLOWED");
    expect((await post(dev.url, { query: "mutation { touch }" })).body.data).toEqual({ touch: true });
  });

  it("still serves after all that bad input", async () => {
    const { status, body } = await post(dev.url, { query: "{ topProducts { id } }" });
    expect(status).toBe(200);
    expect(body.data).toEqual({ topProducts: [{ id: "p1" }, { id: "p2" }] });
  });

  it("answers /health and /ready", async () => {
    const base = dev.url.replace("/graphql", "");
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, schema: dev.schemaId() });
  });

  it("shows Apollo Sandbox to browsers and allows its CORS preflight in development", async () => {
    const page = await fetch(dev.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("EmbeddedSandbox");
    const preflight = await fetch(dev.url, {
      method: "OPTIONS",
      headers: { origin: "https://studio.apollographql.com", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://studio.apollographql.com");
  });

  it("allows introspection in development only", async () => {
    const introspection = { query: "{ __schema { queryType { name } } }" };
    const devResponse = await post(dev.url, introspection);
    expect(devResponse.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });

    const prodResponse = await post(prod.url, introspection);
    expect(prodResponse.status).toBe(400);
    expect(prodResponse.body.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(prod.url, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).not.toMatch(/html/);
    const preflight = await fetch(prod.url, {
      method: "OPTIONS",
      headers: { origin: "https://studio.apollographql.com" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
