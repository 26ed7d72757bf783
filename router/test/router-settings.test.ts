// Router configuration: one schema with every default, the environment mapped onto it, and every
// bad variable reported by name in one error.
import { EnvError, localStackDefaults } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";
import { routerSettingsFromEnv } from "../src/config/router-env.js";
import { parseRouterSettings } from "../src/config/router-settings.js";

const problemsOf = (read: () => unknown): string[] => {
  try {
    read();
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected an EnvError");
};

describe("router settings", () => {
  it("runs what `npm start` needs from an empty environment: cache, rate limits, rollout file, auth", () => {
    const settings = routerSettingsFromEnv({});
    expect(settings.port).toBe(4000);
    expect(settings.mode).toBe("development");
    expect(settings.cache).toMatchObject({ redisUrl: localStackDefaults.redisUrl, kafkaBrokers: ["127.0.0.1:9092"] });
    expect(settings.protection.rateLimit).toMatchObject({ queries: 600, mutations: 60 });
    expect(settings.rollout?.file).toMatch(/schema\/rollout\.json$/);
    expect(settings.identitySecret).toBe(localStackDefaults.identityHmacSecret);
  });

  it("gives programmatic callers the same defaults, without the parts they did not ask for", () => {
    const programmatic = parseRouterSettings({});
    const fromEnv = routerSettingsFromEnv({});
    expect(programmatic.cache).toBeUndefined();
    expect(programmatic.protection.rateLimit).toBeUndefined();
    expect(programmatic.rollout).toBeUndefined();
    expect(programmatic.protection.limits).toEqual(fromEnv.protection.limits);
    expect(programmatic.auth).toEqual(fromEnv.auth);
    expect(programmatic.subgraphTimeoutMs).toBe(fromEnv.subgraphTimeoutMs);
  });

  it("maps variables onto nested settings, one variable feeding every setting that shares it", () => {
    const settings = routerSettingsFromEnv({
      NODE_ENV: "production",
      IDENTITY_HMAC_SECRET: "a-production-hmac-secret",
      REDIS_URL: "redis://cache.internal:6380",
      MAX_DEPTH: "9",
      ALLOW_ARBITRARY_OPERATIONS: "1",
      SUBGRAPH_TIMEOUTS: "catalog=2000, orders=5000",
      SUBGRAPH_ORDERS_V2_URL: "http://orders:4004/graphql",
      CORS_ORIGINS: "https://shop.example, https://m.shop.example",
    });
    expect(settings.mode).toBe("production");
    expect(settings.auth.redisUrl).toBe("redis://cache.internal:6380");
    expect(settings.cache?.redisUrl).toBe("redis://cache.internal:6380");
    expect(settings.protection.rateLimit?.redisUrl).toBe("redis://cache.internal:6380");
    expect(settings.protection.limits.maxDepth).toBe(9);
    expect(settings.protection.limits.maxTokens).toBe(5_000);
    expect(settings.protection.trustedDocuments.allowArbitrary).toBe(true);
    expect(settings.subgraphTimeouts).toEqual({ catalog: 2000, orders: 5000 });
    expect(settings.subgraphUrls).toEqual({ orders_v2: "http://orders:4004/graphql" });
    expect(settings.corsOrigins).toEqual(["https://shop.example", "https://m.shop.example"]);
  });

  it("switches the cache and rate limiting off, and ignores their variables then", () => {
    const settings = routerSettingsFromEnv({
      ROUTER_CACHE: "off",
      RATE_LIMIT_ENABLED: "false",
      RATE_LIMIT_QUERIES: "5",
      ROUTER_CACHE_L1_TTL_MS: "10",
    });
    expect(settings.cache).toBeUndefined();
    expect(settings.protection.rateLimit).toBeUndefined();
  });

  it("refuses to run in production on the development identity secret, or without one", () => {
    expect(problemsOf(() => routerSettingsFromEnv({ NODE_ENV: "production" }))).toEqual([
      "IDENTITY_HMAC_SECRET: must be set in production",
    ]);
    expect(
      problemsOf(() =>
        routerSettingsFromEnv({ NODE_ENV: "production", IDENTITY_HMAC_SECRET: localStackDefaults.identityHmacSecret }),
      ),
    ).toEqual(["IDENTITY_HMAC_SECRET: is the development value; set a secret of your own in production"]);
  });

  it("names every bad variable at once", () => {
    const problems = problemsOf(() =>
      routerSettingsFromEnv({
        PORT: "70000",
        MAX_DEPTH: "deep",
        SUBGRAPH_TIMEOUTS: "catalog",
        ROUTER_CACHE: "maybe",
        SUBGRAPH_CATALOG_URL: "not a url",
        IDENTITY_HMAC_SECRET: "short",
      }),
    );
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual([
      "IDENTITY_HMAC_SECRET",
      "MAX_DEPTH",
      "PORT",
      "ROUTER_CACHE",
      "SUBGRAPH_CATALOG_URL",
      "SUBGRAPH_TIMEOUTS",
    ]);
    expect(problems.find((problem) => problem.startsWith("SUBGRAPH_TIMEOUTS"))).toContain('got "catalog"');
  });
});
