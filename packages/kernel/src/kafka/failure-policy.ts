// Tells a handler failure that time will fix (a dependency is down: the database restarting, a
// connection reset, Redis or a provider unreachable, a serialization conflict) from one it will
// not (the event cannot be applied). The consumer runner waits out the first, holding only that
// partition, and dead-letters the second after a few tries. Swappable per runner.

/** Thrown by a handler when something it depends on is unavailable, e.g. a provider outage. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientError";
  }
}

export type FailureKind = "transient" | "poison";

export interface FailurePolicy {
  classify(error: unknown): FailureKind;
}

// SQLSTATEs: connection exceptions (class 08), shutdown / cannot connect now / too many
// connections, serialization failure and deadlock (retrying the transaction is the remedy).
const transientSqlStates = new Set(["57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03"]);
// Prisma: can't reach / timed out / closed connection, pool timeout, transaction conflict.
const transientPrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
const transientNodeCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const transientMessages =
  /connection terminated|connection is closed|connection ended|can't reach database|server closed the connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

function isTransient(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== "object") return false;
  if (error instanceof TransientError) return true;
  const candidate = error as {
    code?: unknown;
    originalCode?: unknown;
    retriable?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (candidate.retriable === true) return true; // kafkajs
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code !== "string") continue;
    if (transientSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (transientPrismaCodes.has(code) || transientNodeCodes.has(code)) return true;
  }
  if (typeof candidate.message === "string" && transientMessages.test(candidate.message)) return true;
  return isTransient(candidate.cause, depth + 1) || isTransient(candidate.meta?.driverAdapterError, depth + 1);
}

export const defaultFailurePolicy: FailurePolicy = {
  classify: (error) => (isTransient(error) ? "transient" : "poison"),
};
