// ONE upstream subscription per distinct subscription: subscribers with the same subgraph, query,
// variables and caller (user and scopes: a subgraph authorizes per caller) share it. A subscriber
// who joins late gets the latest event at once (e.g. an order's current state). The upstream ends
// when its last subscriber leaves; when the subgraph ends it, every subscriber gets its end.
import { type Identity, identityExtension, signIdentityHeaders } from "@shopstream/kernel";
import type { GraphQLFormattedError } from "graphql";
import { routerMetrics } from "../observability/router-metrics.js";
import { createEventQueue } from "./event-queue.js";
import type { SubgraphSockets } from "./subgraph-sockets.js";

export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface UpstreamRequest {
  subgraph: string;
  url: string;
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  identity: Identity;
}

interface Subscriber {
  event(event: UpstreamEvent): void;
  end(): void;
}

interface Shared {
  subscribers: Set<Subscriber>;
  latest?: UpstreamEvent;
  received: boolean;
  dispose(): void;
}

export class UpstreamSubscriptions {
  private readonly shared = new Map<string, Shared>();

  constructor(
    private readonly sockets: SubgraphSockets,
    private readonly identitySecret: string,
  ) {}

  /** Upstreams open now (tests and the bench read it; the metric is per subgraph). */
  get size(): number {
    return this.shared.size;
  }

  /** The request's events until `signal` aborts or the upstream ends (its last event says why). */
  async *events(request: UpstreamRequest, signal: AbortSignal): AsyncGenerator<UpstreamEvent> {
    const queue = createEventQueue<UpstreamEvent>();
    const subscriber: Subscriber = { event: (event) => queue.push(event), end: () => queue.end() };
    const key = upstreamKey(request);
    const shared = this.shared.get(key) ?? this.open(key, request);
    shared.subscribers.add(subscriber);
    if (shared.latest) queue.push(shared.latest);
    try {
      yield* queue.drain(signal);
    } finally {
      shared.subscribers.delete(subscriber);
      if (shared.subscribers.size === 0 && this.shared.get(key) === shared) this.close(key, shared, request.subgraph);
    }
  }

  private open(key: string, request: UpstreamRequest): Shared {
    const shared: Shared = { subscribers: new Set(), received: false, dispose: () => {} };
    const deliver = (event: UpstreamEvent) => {
      shared.latest = event;
      for (const subscriber of shared.subscribers) subscriber.event(event);
    };
    const finish = (last?: UpstreamEvent) => {
      if (this.shared.get(key) !== shared) return;
      this.close(key, shared, request.subgraph);
      for (const subscriber of shared.subscribers) {
        if (last) subscriber.event(last);
        subscriber.end();
      }
    };
    this.shared.set(key, shared);
    routerMetrics.subscriptionUpstreams.inc({ subgraph: request.subgraph });
    shared.dispose = this.sockets.client(request.url).subscribe(
      {
        query: request.query,
        operationName: request.operationName,
        variables: request.variables,
        extensions: { [identityExtension]: signIdentityHeaders(request.identity, this.identitySecret) },
      },
      {
        next: (result) => {
          shared.received = true;
          deliver(result as UpstreamEvent);
        },
        error: (error) => finish({ errors: upstreamErrors(error, request.subgraph, shared.received) }),
        complete: () => finish(),
      },
    );
    return shared;
  }

  private close(key: string, shared: Shared, subgraph: string) {
    this.shared.delete(key);
    routerMetrics.subscriptionUpstreams.dec({ subgraph });
    shared.dispose();
  }
}

function upstreamKey(request: UpstreamRequest): string {
  const caller = `${request.identity.userId ?? ""}|${[...request.identity.scopes].sort().join(",")}`;
  return JSON.stringify([request.subgraph, request.query, request.operationName ?? null, request.variables, caller]);
}

/** The subgraph refused the subscription (its errors), or its socket closed or never opened. */
function upstreamErrors(error: unknown, subgraph: string, received: boolean): GraphQLFormattedError[] {
  if (Array.isArray(error)) return error as GraphQLFormattedError[];
  const code = received ? "SUBSCRIPTION_UPSTREAM_CLOSED" : "SUBGRAPH_UNAVAILABLE";
  const why = closeReason(error);
  const message = received
    ? `The ${subgraph} subgraph ended this subscription${why}; subscribe again`
    : `The ${subgraph} subgraph could not be reached for this subscription${why}; retry shortly`;
  return [{ message, extensions: { code, serviceName: subgraph } }];
}

function closeReason(error: unknown): string {
  const event = error as { code?: unknown; reason?: unknown; message?: unknown };
  if (typeof event?.code === "number") return ` (${event.code}${event.reason ? ` ${String(event.reason)}` : ""})`;
  return typeof event?.message === "string" ? ` (${event.message})` : "";
}
