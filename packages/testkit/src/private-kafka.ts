// A real Kafka broker of the test's own (KRaft, one node, the jars the stack's broker runs, on
// free ports), so a test can stop and restart it mid-run without touching the shared broker
// other suites use. Its data survives stop/start, as a restarted broker's does.
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "@shopstream/kernel/testing";
import { freePort } from "./free-port.js";
import { newClusterId, privateBrokerConfig } from "./private-kafka-config.js";

const root = path.resolve(import.meta.dirname, "../../..");
const stackDir = process.env.SHOPSTREAM_STACK_DIR ?? path.join(root, ".stack");

export interface PrivateKafka {
  brokers: string[];
  /** Stops the broker: a clean shutdown (SIGTERM), as in a rolling restart, or a crash (SIGKILL). */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Starts it again on the same ports and data; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

export async function startPrivateKafka(): Promise<PrivateKafka> {
  const lib = readFileSync(path.join(stackDir, "kafka", "lib-path"), "utf8").trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), "private-kafka-"));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const config = path.join(dir, "server.properties");
  const stackConfig = readFileSync(path.join(stackDir, "kafka", "server.properties"), "utf8");
  writeFileSync(config, privateBrokerConfig(stackConfig, { dir, port, controllerPort }));
  writeFileSync(
    path.join(dir, "log4j.properties"),
    `log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${dir}/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
`,
  );
  const java = ["-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", `-Dlog4j.configuration=file:${dir}/log4j.properties`];
  const clusterId = newClusterId();
  const format = spawnSync(
    "java",
    [...java, "-cp", `${lib}/*`, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config],
    {
      encoding: "utf8",
    },
  );
  if (format.status !== 0) throw new Error(`private Kafka: storage format failed: ${format.stderr || format.stdout}`);

  const brokers = [`127.0.0.1:${port}`];
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("java", [...java, "-cp", `${lib}/*`, "kafka.Kafka", config], { stdio: "ignore" });
    const started = child;
    await waitFor(
      async () => {
        if (started.exitCode !== null) throw new Error(`private Kafka exited during start-up (${started.exitCode})`);
        return answers(brokers);
      },
      { what: "private Kafka broker", timeoutMs: 90_000, intervalMs: 200 },
    );
  };
  const stop = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM") => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(signal);
    await exited;
    child = undefined;
  };
  try {
    await start();
  } catch (error) {
    await stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    brokers,
    stop,
    start,
    async destroy() {
      await stop("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stack's own readiness probe (an admin client describes the cluster). */
function answers(brokers: string[]): Promise<boolean> {
  return new Promise((resolve) =>
    execFile(process.execPath, [path.join(root, "scripts/kafka/ready.mjs"), brokers[0] as string], (error) =>
      resolve(!error),
    ),
  );
}
