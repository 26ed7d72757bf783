import { describe, expect, it } from "vitest";
import { newClusterId, privateBrokerConfig } from "../src/private-kafka-config.js";

const stackConfig = `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
log.dirs=/repo/.stack/kafka/data
num.partitions=3
group.initial.rebalance.delay.ms=0
`;

describe("privateBrokerConfig", () => {
  it("keeps the stack broker's settings and replaces only its ports and data directory", () => {
    const config = privateBrokerConfig(stackConfig, { dir: "/tmp/pk", port: 41001, controllerPort: 41002 });
    const lines = config.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "process.roles=broker,controller",
        "num.partitions=3",
        "group.initial.rebalance.delay.ms=0",
        "controller.quorum.voters=1@127.0.0.1:41002",
        "listeners=PLAINTEXT://127.0.0.1:41001,CONTROLLER://127.0.0.1:41002",
        "advertised.listeners=PLAINTEXT://127.0.0.1:41001",
        "log.dirs=/tmp/pk/data",
      ]),
    );
    expect(config).not.toMatch(/9092|9093|\.stack/);
    expect(lines.filter((line) => line.startsWith("listeners="))).toHaveLength(1);
  });

  it("refuses a file that is not a broker's config, saying how to make one", () => {
    expect(() => privateBrokerConfig("", { dir: "/tmp/pk", port: 1, controllerPort: 2 })).toThrow(/scripts\/stack up/);
  });
});

describe("newClusterId", () => {
  it("never starts with '-', which the storage tool would take for an option", () => {
    // One base64url id in 32 starts with "-": 5,000 draws all but surely include some.
    const ids = Array.from({ length: 5_000 }, () => newClusterId());
    expect(ids.every((id) => /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
