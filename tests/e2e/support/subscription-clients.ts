// Test clients for the router's two subscription transports, as frontends use them: graphql-ws
// (what Apollo Client's GraphQLWsLink runs) and Apollo's multipart HTTP protocol read with fetch.
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLBody } from "./checkout-stack.js";

export interface TestSubscription {
  /** Every payload received, in order. */
  events: GraphQLBody[];
  /** Resolves when the router completes the subscription or fails it (`failure` says how). */
  ended: Promise<void>;
  failure?: unknown;
  stop(): Promise<void>;
}

export function subscribeOverWebSocket(
  routerUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): TestSubscription {
  const client = createClient({
    url: routerUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  let finish = () => {};
  const subscription: TestSubscription = {
    events: [],
    ended: new Promise<void>((resolve) => (finish = resolve)),
    stop: async () => {
      dispose();
      await client.dispose();
    },
  };
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (event) => void subscription.events.push(event as GraphQLBody),
      error: (error) => {
        subscription.failure = error;
        finish();
      },
      complete: () => finish(),
    },
  );
  return subscription;
}

export function subscribeOverMultipart(
  routerUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): TestSubscription & { heartbeats: number } {
  const abort = new AbortController();
  let finish = () => {};
  const subscription = {
    events: [] as GraphQLBody[],
    heartbeats: 0,
    failure: undefined as unknown,
    ended: new Promise<void>((resolve) => (finish = resolve)),
    stop: async () => abort.abort(),
  };
  void (async () => {
    try {
      const response = await fetch(routerUrl, {
        method: "POST",
        signal: abort.signal,
        headers: {
          "content-type": "application/json",
          accept: "multipart/mixed;subscriptionSpec=1.0, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      if (!response.headers.get("content-type")?.startsWith("multipart/mixed")) {
        subscription.failure = { status: response.status, body: await response.json() };
        return;
      }
      const decoder = new TextDecoder();
      let buffered = "";
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        const parts = buffered.split("--graphql");
        buffered = parts.pop() ?? "";
        for (const part of parts) {
          const json = part.slice(part.indexOf("\r\n\r\n") + 4).trim();
          if (!json) continue;
          const parsed = JSON.parse(json) as { payload?: GraphQLBody };
          if (parsed.payload) subscription.events.push(parsed.payload);
          else subscription.heartbeats++;
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) subscription.failure = error;
    } finally {
      finish();
    }
  })();
  return subscription;
}
