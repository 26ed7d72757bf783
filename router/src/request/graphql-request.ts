// What a request is before any GraphQL work: the HTTP facts the router needs (HttpInput) and the
// GraphQL request read from them. Lower layer: pipeline, protection and cache all read these.
import type { IncomingHttpHeaders } from "node:http";
import type { SubscriptionTransport } from "../subscriptions/transports.js";

export interface GraphQLRequest {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  /** A registered operation's id (trusted documents); `query` is then filled in from the manifest. */
  documentId?: string;
}

export interface HttpInput {
  method: string;
  search: URLSearchParams;
  body: string | undefined;
  /** Anonymous visitor id (cookie/header, see overrides/visitor-id.ts) for sticky rollouts. */
  visitorId?: string;
  /** The Authorization header (bearer access token), if any. */
  authorization?: string;
  /** x-forwarded-for for subgraph calls: trusted chain + the client address (http/client-ip.ts). */
  forwardedFor?: string;
  /** Request headers (CSRF check) and the client address (rate limiting, http/client-ip.ts). */
  headers?: IncomingHttpHeaders;
  clientIp?: string;
  /** How the client takes a subscription's events; absent = it cannot (plain JSON over HTTP). */
  subscriptionTransport?: SubscriptionTransport;
  /** Aborts when the client goes away or unsubscribes: a subscription ends with it. */
  signal?: AbortSignal;
}
