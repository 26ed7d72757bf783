// Smoke tests: the real stack answers through the same client libraries the services use.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { Redis } from "ioredis";
import { Kafka, logLevel } from "kafkajs";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "../../prisma/catalog/generated/client/index.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("local stack", () => {
  it("Prisma (adapter-pg) writes and reads a row in a domain database", async () => {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({
        host: "127.0.0.1",
        port: 5432,
        user: "shopstream_catalog",
        password: "shopstream",
        database: `shopstream_catalog${process.env.PGDATABASE_SUFFIX ?? ""}`,
      }),
    });
    try {
      const eventId = randomUUID();
      await prisma.outboxEvent.create({
        data: {
          eventId,
          topic: "smoke",
          key: "k",
          type: "smoke.test",
          payload: { hello: "world" },
          publishedAt: new Date(),
        },
      });
      const row = await prisma.outboxEvent.findUnique({ where: { eventId } });
      expect(row?.payload).toEqual({ hello: "world" });
      await prisma.outboxEvent.delete({ where: { eventId } });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("ioredis round trip", async () => {
    const redis = new Redis({ host: "127.0.0.1", port: 6379, lazyConnect: true });
    await redis.connect();
    const key = `smoke:${randomUUID()}`;
    await redis.set(key, "value", "EX", 10);
    expect(await redis.get(key)).toBe("value");
    await redis.quit();
  });

  it("kafkajs produces and consumes on a unique topic and group", async () => {
    const kafka = new Kafka({ clientId: "smoke", brokers: ["127.0.0.1:9092"], logLevel: logLevel.ERROR });
    const topic = `smoke-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}`, maxWaitTimeInMs: 100 });
    const received: string[] = [];
    await consumer.connect();
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) });
    await joined;

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: "a", value: "one" },
        { key: "a", value: "two" },
      ],
    });
    await producer.disconnect();

    const deadline = Date.now() + 15_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.disconnect();
    expect(received).toEqual(["one", "two"]);
  });

  it("stack up fails naming Redis and the port when the port is taken", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = spawnSync("bash", [path.join(root, "scripts/stack"), "up", "redis"], {
        encoding: "utf8",
        env: {
          ...process.env,
          REDIS_PORT: String(port),
          SHOPSTREAM_STACK_DIR: mkdtempSync(path.join(tmpdir(), "stack-")),
        },
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(new RegExp(`Redis cannot start: port ${port} is already taken`));
    } finally {
      blocker.close();
    }
  });
});
