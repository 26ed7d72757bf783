// One graphql-ws connection per subgraph, shared by every subscription this router process has
// there. It opens on the first subscription and closes after the last (lazy). The connection is
// the router's own (signed anonymous identity); each subscription carries its subscriber's.
// It never reconnects by itself: a closed socket ends its subscriptions with an error, and the
// next subscription opens a new one.
import { anonymousIdentity, signIdentityHeaders } from "@shopstream/kernel";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export class SubgraphSockets {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly identitySecret: string) {}

  /** The client for a subgraph's GraphQL URL (http → ws). */
  client(httpUrl: string): Client {
    let client = this.clients.get(httpUrl);
    if (!client) {
      client = createClient({
        url: httpUrl.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        lazy: true,
        retryAttempts: 0,
        keepAlive: 10_000,
        connectionParams: () => ({ headers: signIdentityHeaders(anonymousIdentity, this.identitySecret) }),
      });
      this.clients.set(httpUrl, client);
    }
    return client;
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((client) => client.dispose()));
  }
}
