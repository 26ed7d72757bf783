// Subscriptions (router/README.md "Subscriptions"): how many may be open, how often the router
// proves a connection alive, and how often it checks that a subscriber's session still stands.
import { z } from "zod";

const milliseconds = z.number().int().min(1);

export const subscriptionSettingsSchema = z.object({
  /** Subscriptions open on this router process at most (each client connection counts its own). */
  maxOpen: z.number().int().min(1).default(10_000),
  /** Per client (user id when signed in, else client IP). */
  maxPerClient: z.number().int().min(1).default(100),
  /** Multipart: an empty `{}` part this often, so proxies never see an idle response. */
  heartbeatMs: milliseconds.default(5_000),
  /** WebSocket: a ping frame this often; a socket that misses a pong until the next is closed. */
  pingMs: milliseconds.default(15_000),
  /** WebSocket: connection_init must arrive within this (else 4408). */
  connectionInitTimeoutMs: milliseconds.default(5_000),
  /** How often a signed-in subscriber's session is checked again (revoked → dropped). */
  authRecheckMs: milliseconds.default(30_000),
});

export type SubscriptionSettings = z.output<typeof subscriptionSettingsSchema>;
