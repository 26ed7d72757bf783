// Readiness probe for the local broker: succeeds when an admin client can describe the cluster.
import { Kafka, logLevel } from "kafkajs";

const broker = process.argv[2] ?? "127.0.0.1:9092";
const admin = new Kafka({
  clientId: "stack-ready",
  brokers: [broker],
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
  connectionTimeout: 1000,
}).admin();
try {
  await admin.connect();
  const cluster = await admin.describeCluster();
  if (cluster.brokers.length === 0) throw new Error("no brokers");
  process.exit(0);
} catch (error) {
  console.error(String(error));
  process.exit(1);
} finally {
  await admin.disconnect().catch(() => {});
}
