import { describe, expect, it } from "vitest";
import { isRetriableKafkaError, KafkaStartupError, retryKafkaStartup } from "../src/kafka/startup-retry.js";

// Shapes kafkajs throws (KafkaJSProtocolError has `type`, wrappers keep the cause).
const protocolError = (type: string) => Object.assign(new Error(type), { name: "KafkaJSProtocolError", type });

describe("isRetriableKafkaError", () => {
  it("knows what a broker that is still starting answers, also when wrapped", () => {
    expect(isRetriableKafkaError(protocolError("NOT_COORDINATOR"))).toBe(true);
    expect(isRetriableKafkaError(protocolError("COORDINATOR_LOAD_IN_PROGRESS"))).toBe(true);
    expect(isRetriableKafkaError(Object.assign(new Error("x"), { name: "KafkaJSConnectionError" }))).toBe(true);
    const wrapped = Object.assign(new Error("retries exceeded"), {
      name: "KafkaJSNumberOfRetriesExceeded",
      cause: protocolError("UNKNOWN_TOPIC_OR_PARTITION"),
    });
    expect(isRetriableKafkaError(wrapped)).toBe(true);
  });

  it("does not retry what will never succeed", () => {
    expect(isRetriableKafkaError(protocolError("TOPIC_AUTHORIZATION_FAILED"))).toBe(false);
    expect(isRetriableKafkaError(new TypeError("bug"))).toBe(false);
    expect(isRetriableKafkaError(undefined)).toBe(false);
  });
});

describe("retryKafkaStartup", () => {
  it("retries retriable answers until the call succeeds", async () => {
    let calls = 0;
    const result = await retryKafkaStartup("fetch offsets", async () => {
      calls += 1;
      if (calls < 3) throw protocolError("NOT_COORDINATOR");
      return "ok";
    });
    expect(result).toBe("ok");
    expect(calls).toBe(3);
  });

  it("fails at once on a non-retriable error", async () => {
    let calls = 0;
    const failing = retryKafkaStartup("create topics", async () => {
      calls += 1;
      throw protocolError("INVALID_REPLICATION_FACTOR");
    });
    await expect(failing).rejects.toMatchObject({ type: "INVALID_REPLICATION_FACTOR" });
    expect(calls).toBe(1);
  });

  it("gives up at the deadline naming the call and the broker's answer", async () => {
    const failing = retryKafkaStartup(
      "join group g1",
      async () => {
        throw protocolError("COORDINATOR_LOAD_IN_PROGRESS");
      },
      { timeoutMs: 300 },
    );
    await expect(failing).rejects.toBeInstanceOf(KafkaStartupError);
    await expect(failing).rejects.toThrow(/join group g1.*COORDINATOR_LOAD_IN_PROGRESS/);
  });
});
