// Transient (wait it out) or poison (dead-letter it): the default policy on real error objects
// from pg, kafkajs and zod, and on the shapes Prisma's driver adapter reports.
import { KafkaJSConnectionError, KafkaJSNonRetriableError } from "kafkajs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger, createPgClient, defaultFailurePolicy, TransientError } from "../src/index.js";

const silent = createLogger("failure-policy-test", "silent");

const classify = (error: unknown) => defaultFailurePolicy.classify(error);

describe("default failure policy", () => {
  it("waits out a database that cannot be reached (a real refused connection)", async () => {
    const client = createPgClient({ host: "127.0.0.1", port: 1, connectionTimeoutMillis: 1_000 }, silent);
    const error = await client.connect().then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeTruthy();
    expect(classify(error)).toBe("transient");
  });

  it("waits out connection loss, restarts, serialization conflicts and deadlocks", () => {
    for (const code of ["57P01", "57P03", "08006", "08001", "40001", "40P01", "53300"])
      expect(classify(Object.assign(new Error("db"), { code }))).toBe("transient");
    for (const code of ["P1001", "P1017", "P2024", "P2034"])
      expect(classify(Object.assign(new Error("prisma"), { code }))).toBe("transient");
    // Prisma with the pg driver adapter: the SQLSTATE sits in meta.driverAdapterError.cause.
    const adapterError = Object.assign(new Error("Invalid invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } },
    });
    expect(classify(adapterError)).toBe("transient");
    expect(classify(new Error("outer", { cause: Object.assign(new Error("inner"), { code: "ECONNRESET" }) }))).toBe(
      "transient",
    );
  });

  it("waits out a broker that is away, and a handler's own TransientError", () => {
    expect(classify(new KafkaJSConnectionError("Connection error: connect ECONNREFUSED"))).toBe("transient");
    expect(classify(new TransientError("payment provider unavailable"))).toBe("transient");
  });

  it("dead-letters what no wait will fix", () => {
    expect(classify(new Error("order ord-1 not found"))).toBe("poison");
    expect(classify(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe("poison");
    expect(classify(Object.assign(new Error("check violation"), { code: "23514" }))).toBe("poison");
    expect(classify(z.object({ n: z.number() }).safeParse({ n: "x" }).error)).toBe("poison");
    expect(classify(new KafkaJSNonRetriableError("bad request"))).toBe("poison");
    expect(classify("a string")).toBe("poison");
  });
});
