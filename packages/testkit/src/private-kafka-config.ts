// A private broker is configured as the stack's broker is (scripts/stack writes that file), on
// its own ports and data directory, so the two never drift apart.
import { randomBytes } from "node:crypto";

export interface PrivateBrokerPlace {
  dir: string;
  port: number;
  controllerPort: number;
}

const placeKeys = ["controller.quorum.voters", "listeners", "advertised.listeners", "log.dirs"];

/** The stack broker's server.properties with the place-specific keys replaced. */
export function privateBrokerConfig(stackConfig: string, { dir, port, controllerPort }: PrivateBrokerPlace): string {
  const kept = stackConfig
    .split("\n")
    .filter((line) => line.trim() !== "" && !placeKeys.includes(line.slice(0, line.indexOf("=")).trim()));
  if (!kept.some((line) => line.startsWith("process.roles=")))
    throw new Error("private Kafka: the stack's server.properties has no process.roles; run `bash scripts/stack up`");
  return [
    ...kept,
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    `log.dirs=${dir}/data`,
    "",
  ].join("\n");
}

/** A random KRaft cluster id. Like Kafka's own Uuid.randomUuid, never one that starts with "-":
 * the storage tool would read it as an option ("--cluster-id: expected one argument"). */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}
