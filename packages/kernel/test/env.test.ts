import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  EnvError,
  identityEnv,
  kafkaEnv,
  localStackDefaults,
  parseEnv,
  pgConnection,
  postgresEnv,
  serviceEnv,
} from "../src/index.js";

describe("parseEnv", () => {
  const shape = { ...postgresEnv("catalog"), ...kafkaEnv, PORT: z.coerce.number().int().min(1) };

  it("applies local-stack defaults", () => {
    const env = parseEnv(shape, { PORT: "4002" });
    expect(env).toMatchObject({
      PGHOST: "127.0.0.1",
      PGPORT: 5432,
      PGDATABASE: "shopstream_catalog",
      KAFKA_BROKERS: ["127.0.0.1:9092"],
    });
  });

  it("moves every domain to its twin database with one suffix", () => {
    const env = parseEnv(shape, { PORT: "4002", PGDATABASE_SUFFIX: "_test" });
    expect(pgConnection(env).database).toBe("shopstream_catalog_test");
    expect(() => parseEnv(shape, { PORT: "4002", PGDATABASE_SUFFIX: "; drop" })).toThrow(/PGDATABASE_SUFFIX/);
  });

  it("lists every problem by variable name", () => {
    let caught: unknown;
    try {
      parseEnv(shape, { PGPORT: "not-a-port", KAFKA_BROKERS: "nohostport", PORT: "0" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems.join("\n");
    expect(problems).toMatch(/^PGPORT:/m);
    expect(problems).toMatch(/^KAFKA_BROKERS\.0:/m);
    expect(problems).toMatch(/^PORT:/m);
  });
});

describe("parseEnv in production", () => {
  const shape = { ...serviceEnv, ...postgresEnv("catalog"), ...identityEnv };
  const problems = (source: Record<string, string>) => {
    try {
      parseEnv(shape, source);
      return [];
    } catch (error) {
      if (error instanceof EnvError) return error.problems;
      throw error;
    }
  };

  it("refuses a secret left unset or at its development value, naming each", () => {
    expect(problems({ NODE_ENV: "production" })).toEqual([
      "PGPASSWORD: must be set in production",
      "IDENTITY_HMAC_SECRET: must be set in production",
    ]);
    expect(
      problems({
        NODE_ENV: "production",
        PGPASSWORD: localStackDefaults.pgPassword,
        IDENTITY_HMAC_SECRET: localStackDefaults.identityHmacSecret,
      }),
    ).toEqual([
      "PGPASSWORD: is the development value; set a secret of your own in production",
      "IDENTITY_HMAC_SECRET: is the development value; set a secret of your own in production",
    ]);
  });

  it("starts with secrets of its own, and development keeps its defaults", () => {
    expect(
      problems({ NODE_ENV: "production", PGPASSWORD: "s3cret-pg", IDENTITY_HMAC_SECRET: "a-real-hmac-secret-1234" }),
    ).toEqual([]);
    expect(problems({})).toEqual([]);
  });
});
