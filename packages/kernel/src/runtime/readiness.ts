// Readiness probes for /ready: each resolves when its dependency answers, rejects otherwise.
import { Kafka, logLevel } from "kafkajs";

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** Kafka is ready when a fresh admin connection can describe the cluster (no retries, short timeouts). */
export function kafkaReadiness(brokers: string[], timeoutMs = 2_000): () => Promise<void> {
  const kafka = new Kafka({
    clientId: "readiness",
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
  });
  return async () => {
    const admin = kafka.admin();
    try {
      await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
      );
    } finally {
      await admin.disconnect().catch(() => {});
    }
  };
}
