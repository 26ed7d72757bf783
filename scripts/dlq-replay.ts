// `npm run dlq:replay -- <topic> [--consumer <group>] [--dry-run]`: sends the dead letters of
// <topic> (a stream such as orders.orders) back to it, once each; see packages/kernel/src/kafka/dlq-replay.ts.
import { parseArgs } from "node:util";
import { createKafka, createLogger, exitOnEnvError, kafkaEnv, parseEnv, replayDeadLetters } from "@shopstream/kernel";

const usage = "usage: npm run dlq:replay -- <topic> [--consumer <group>] [--dry-run]";
let parsed: ReturnType<typeof parseArguments>;
function parseArguments() {
  return parseArgs({
    allowPositionals: true,
    options: { consumer: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
}
try {
  parsed = parseArguments();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64); // EX_USAGE
}
const [topic, ...extra] = parsed.positionals;
if (!topic || extra.length > 0) {
  console.error(usage);
  process.exit(64);
}
const env = exitOnEnvError(() => parseEnv(kafkaEnv));
// The report is the output; the Kafka client's own complaints only when LOG_LEVEL asks for them.
const logger = createLogger("dlq-replay", process.env.LOG_LEVEL ?? "fatal");
const dryRun = parsed.values["dry-run"] ?? false;
try {
  const report = await replayDeadLetters({
    kafka: createKafka({ clientId: "dlq-replay", brokers: env.KAFKA_BROKERS, logger }),
    topic,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    consumer: parsed.values.consumer,
    dryRun,
    logger,
    onMessage: (entry) =>
      console.log(
        `${entry.selected ? (dryRun ? "would replay" : "replayed") : "skipped"} ${entry.partition}/${entry.offset} ` +
          `${entry.reason} by ${entry.consumer} → ${entry.originalTopic}: ${entry.error.slice(0, 160)}`,
      ),
  });
  console.log(JSON.stringify({ ...report, dryRun }));
} catch (error) {
  console.error(`[dlq:replay] ${topic}: ${(error as Error).message}`);
  process.exit(1);
}
