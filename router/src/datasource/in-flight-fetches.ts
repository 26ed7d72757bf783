// Identical subgraph query fetches in flight share one HTTP request, within and across client
// requests. The key is what shapes a subgraph's answer: subgraph, body (document and variables),
// and the caller: the verified identity and forwarded address, not the per-request signature or
// request id, so requests of one caller share and callers who differ never do. A caller's write
// cuts that caller off from its reads already in flight: a read sent after a mutation never gets
// an answer fetched before it (read your writes).
import type { Identity } from "@shopstream/kernel";

export interface Caller {
  identity: Identity;
  forwardedFor?: string;
}

export class InFlightFetches<Answer> {
  private readonly byKey = new Map<string, Promise<Answer>>();
  private readonly keysByCaller = new Map<string, Set<string>>();

  /** The answer of the identical fetch in flight, else `send()`'s; `shared` says which. */
  share(caller: Caller, request: string, send: () => Promise<Answer>): { answer: Promise<Answer>; shared: boolean } {
    const callerKey = keyOf(caller);
    const key = `${callerKey}\u0000${request}`;
    const inFlight = this.byKey.get(key);
    if (inFlight) return { answer: inFlight, shared: true };
    const answer = send().finally(() => {
      // A write may have cut it off already, and a later identical fetch taken its place.
      if (this.byKey.get(key) === answer) this.byKey.delete(key);
      if (!this.byKey.has(key)) this.untrack(callerKey, key);
    });
    this.byKey.set(key, answer);
    const keys = this.keysByCaller.get(callerKey) ?? new Set<string>();
    keys.add(key);
    this.keysByCaller.set(callerKey, keys);
    return { answer, shared: false };
  }

  private untrack(callerKey: string, key: string): void {
    const keys = this.keysByCaller.get(callerKey);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByCaller.delete(callerKey);
  }

  /** The caller is writing: its reads in flight finish for those already waiting, nobody joins them. */
  cutOff(caller: Caller): void {
    const callerKey = keyOf(caller);
    for (const key of this.keysByCaller.get(callerKey) ?? []) this.byKey.delete(key);
    this.keysByCaller.delete(callerKey);
  }

  /** Fetches in flight (for tests and metrics). */
  get size(): number {
    return this.byKey.size;
  }
}

function keyOf({ identity, forwardedFor }: Caller): string {
  return JSON.stringify([identity.userId, identity.sessionId, [...identity.scopes].sort(), forwardedFor ?? ""]);
}
