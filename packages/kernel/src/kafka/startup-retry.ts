// Start-up calls against a broker that is new or restarting: KRaft answers "not the correct
// coordinator", "coordinator is loading" or "unknown topic" for a while, and a restarting broker
// refuses connections. kafkajs gives up on some of these after its own short retries, so every
// admin and group call made during start-up goes through here: retried with capped backoff until
// a deadline, then an error naming the call and the broker's last answer.
import { exponentialBackoff, sleep } from "../lifecycle/backoff.js";
import type { Logger } from "../logging/logger.js";

const retriableTypes = new Set([
  "NOT_COORDINATOR",
  "COORDINATOR_LOAD_IN_PROGRESS",
  "COORDINATOR_NOT_AVAILABLE",
  "LEADER_NOT_AVAILABLE",
  "NOT_LEADER_FOR_PARTITION",
  "UNKNOWN_TOPIC_OR_PARTITION",
  "REBALANCE_IN_PROGRESS",
  "REQUEST_TIMED_OUT",
  "NETWORK_EXCEPTION",
]);

const retriableNames = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
  "KafkaJSLockTimeout",
  "KafkaJSMetadataNotLoaded",
  "KafkaJSGroupCoordinatorNotFound",
  "KafkaJSTopicMetadataNotLoaded",
]);

interface KafkaLikeError {
  name?: string;
  type?: string;
  retriable?: boolean;
  code?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

/** True when the error (or what it wraps) is one a broker that is still starting answers. */
export function isRetriableKafkaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as KafkaLikeError;
  if (e.type && retriableTypes.has(e.type)) return true;
  if (e.name && retriableNames.has(e.name)) return true;
  if (e.code === "ECONNREFUSED" || e.code === "ECONNRESET") return true;
  const nested = [e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => isRetriableKafkaError(inner, depth + 1));
}

export class KafkaStartupError extends Error {
  constructor(call: string, timeoutMs: number, cause: unknown) {
    super(`Kafka start-up call "${call}" still failing after ${timeoutMs} ms: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = "KafkaStartupError";
  }
}

export interface StartupRetryOptions {
  timeoutMs?: number;
  logger?: Logger;
}

/** Runs a start-up call, retrying what a starting broker answers until the deadline. */
export async function retryKafkaStartup<T>(
  call: string,
  fn: () => Promise<T>,
  options: StartupRetryOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const backoff = exponentialBackoff({ initialMs: 100, maxMs: 2_000 });
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isRetriableKafkaError(error)) throw error;
      const wait = backoff.next();
      if (Date.now() + wait > deadline) throw new KafkaStartupError(call, timeoutMs, error);
      options.logger?.info({ call, attempt, reason: (error as Error).message }, "kafka not ready yet; retrying");
      await sleep(wait);
    }
  }
}
