// Every client subscription of this router process passes here: admitted against the limits
// (per process and per client), watched for its caller's credentials, fed from the shared
// upstreams, counted in the metrics, and ended with a clear error when the router shuts down.
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import { type Logger, signIdentityHeaders } from "@shopstream/kernel";
import type { GraphQLError as GraphQLErrorType } from "graphql";
import type { Authenticator } from "../auth/authenticator.js";
import type { SubscriptionSource } from "../execution/execute-subscription.js";
import { GraphQLError, Kind } from "../graphql-runtime.js";
import { routerMetrics } from "../observability/router-metrics.js";
import { requestContextFor } from "../pipeline/execute-plan.js";
import type { RequestState } from "../pipeline/request-state.js";
import { limitExceeded } from "../protection/rejections.js";
import { RequestError } from "../request/request-error.js";
import { watchCredentials } from "./credential-watch.js";
import { SubgraphSockets } from "./subgraph-sockets.js";
import type { SubscriptionSettings } from "./subscription-settings.js";
import { UpstreamSubscriptions } from "./upstream-subscriptions.js";

type EndReason = "client" | "complete" | "upstream" | "unauthenticated" | "shutdown";

export class SubscriptionHub {
  readonly upstreams: UpstreamSubscriptions;
  private readonly sockets: SubgraphSockets;
  private readonly open = new Set<AbortController>();
  private readonly perClient = new Map<string, number>();
  private closing = false;

  constructor(
    private readonly settings: SubscriptionSettings,
    private readonly identitySecret: string,
    private readonly authenticator: Pick<Authenticator, "authenticate">,
    private readonly logger: Logger,
  ) {
    this.sockets = new SubgraphSockets(identitySecret);
    this.upstreams = new UpstreamSubscriptions(this.sockets, identitySecret);
  }

  /** Subscriptions open now. */
  get size(): number {
    return this.open.size;
  }

  /** Admits the request's subscription; `execute` runs its plan with the source it is given. */
  async subscribe(
    state: RequestState,
    execute: (
      source: SubscriptionSource,
    ) => Promise<GatewayExecutionResult | { events: AsyncIterable<GatewayExecutionResult> }>,
  ): Promise<AsyncIterable<GatewayExecutionResult>> {
    const transport = state.input.subscriptionTransport ?? "none"; // prepare-operation refused "none"
    if (this.closing) throw new RequestError(503, "SHUTTING_DOWN", "The router is shutting down; subscribe again");
    const client = state.context.identity.userId ?? state.input.clientIp ?? "unknown";
    this.admit(client);
    const stop = new AbortController();
    const signal = state.input.signal ? AbortSignal.any([stop.signal, state.input.signal]) : stop.signal;
    let lost: GraphQLErrorType | undefined;
    const watch = watchCredentials({
      authorization: state.input.authorization,
      authenticator: this.authenticator,
      recheckMs: this.settings.authRecheckMs,
      onLost: (error) => {
        lost = error;
        stop.abort();
      },
    });
    const release = () => {
      watch.stop();
      this.open.delete(stop);
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    };
    this.open.add(stop);
    let result: Awaited<ReturnType<typeof execute>>;
    try {
      result = await execute(this.source(state, signal));
    } catch (error) {
      release();
      throw error;
    }
    if (!("events" in result)) {
      release();
      return once(result);
    }
    const field = rootField(state);
    return this.deliver(result.events, { field, transport, signal, release, ended: () => lost });
  }

  private admit(client: string) {
    const { maxOpen, maxPerClient } = this.settings;
    if (this.open.size >= maxOpen)
      throw limitExceeded(
        "SUBSCRIPTION_LIMIT",
        "maxOpen",
        maxOpen,
        this.open.size + 1,
        `This router holds its limit of ${maxOpen} subscriptions; retry shortly`,
      );
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= maxPerClient)
      throw limitExceeded(
        "SUBSCRIPTION_LIMIT",
        "maxPerClient",
        maxPerClient,
        mine + 1,
        `A client may hold ${maxPerClient} subscriptions at once`,
      );
    this.perClient.set(client, mine + 1);
  }

  private source(state: RequestState, signal: AbortSignal): SubscriptionSource {
    const { version, context } = state;
    return {
      events: (fetch, variables) =>
        this.upstreams.events(
          {
            subgraph: fetch.serviceName,
            url: version.subgraphUrls[fetch.serviceName] ?? "",
            query: fetch.operation,
            operationName: fetch.operationName,
            variables,
            identity: context.identity,
          },
          signal,
        ),
      eventContext: () => {
        const signed = signIdentityHeaders(context.identity, this.identitySecret);
        const eventContext = { ...context, subgraphHeaders: { ...context.subgraphHeaders, ...signed } };
        return { context: eventContext, requestContext: { ...requestContextFor(state), context: eventContext } };
      },
    };
  }

  private async *deliver(
    events: AsyncIterable<GatewayExecutionResult>,
    run: {
      field: string;
      transport: string;
      signal: AbortSignal;
      release(): void;
      ended(): GraphQLErrorType | undefined;
    },
  ): AsyncGenerator<GatewayExecutionResult> {
    const labels = { field: run.field, transport: run.transport };
    routerMetrics.subscriptionsOpen.inc(labels);
    let reason: EndReason = "complete";
    try {
      for await (const result of events) {
        if (upstreamEnded(result)) reason = "upstream";
        routerMetrics.subscriptionEvents.inc({ field: run.field });
        yield result;
      }
      const lost = run.ended();
      if (lost) {
        reason = "unauthenticated";
        yield { errors: [lost] };
      } else if (this.closing) {
        reason = "shutdown";
        yield { errors: [shuttingDown()] };
      } else if (run.signal.aborted) reason = "client";
    } finally {
      run.release();
      routerMetrics.subscriptionsOpen.dec(labels);
      routerMetrics.subscriptionEnds.inc({ field: run.field, reason });
    }
  }

  /** Ends every subscription with SHUTTING_DOWN and closes the subgraph sockets. */
  async close(): Promise<void> {
    this.closing = true;
    for (const stop of this.open) stop.abort();
    // Give the streams a moment to hand their SHUTTING_DOWN to the clients before sockets close.
    for (let waited = 0; this.open.size > 0 && waited < 2_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await this.sockets.close();
    this.logger.debug({}, "subscriptions closed");
  }
}

const shuttingDown = () =>
  new GraphQLError("The router is shutting down; subscribe again", { extensions: { code: "SHUTTING_DOWN" } });

const upstreamEnded = (result: GatewayExecutionResult) =>
  result.errors?.some((error) => {
    const code = error.extensions?.code;
    return code === "SUBSCRIPTION_UPSTREAM_CLOSED" || code === "SUBGRAPH_UNAVAILABLE";
  }) ?? false;

async function* once(result: GatewayExecutionResult) {
  yield result;
}

function rootField(state: RequestState): string {
  const [first] = state.prepared.operationContext.operation.selectionSet.selections;
  return first?.kind === Kind.FIELD ? first.name.value : "unknown";
}
