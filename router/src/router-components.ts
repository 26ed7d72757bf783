// What one running router is made of, built once by startRouter from its settings and handed to
// the HTTP server and every request: one object instead of re-packed settings per layer.

import type { Logger } from "@shopstream/kernel";
import type { Authenticator } from "./auth/authenticator.js";
import type { RouterCache } from "./cache/router-cache.js";
import type { RouterSettings } from "./config/router-settings.js";
import type { RolloutState } from "./overrides/rollout-sources.js";
import type { Protection } from "./protection/protection.js";
import type { ShadowReads } from "./shadow/shadow-reads.js";
import type { SubscriptionHub } from "./subscriptions/subscription-hub.js";
import type { SupergraphHolder } from "./supergraph/supergraph-holder.js";

export interface RouterComponents {
  settings: RouterSettings;
  /** development mode: introspection, Sandbox, arbitrary documents. */
  development: boolean;
  logger: Logger;
  supergraph: SupergraphHolder;
  protection: Protection;
  rollout: RolloutState;
  authenticator: Authenticator;
  /** The entity cache, when configured. */
  cache?: RouterCache;
  /** Every client subscription: limits, shared upstreams, credential checks (subscriptions/). */
  subscriptions: SubscriptionHub;
  /** Compares a sample of migrating fields' answers with their other @override path (shadow/). */
  shadowReads: ShadowReads;
  /** CORS allow-list: configured origins, plus Apollo Sandbox in development. */
  corsOrigins: ReadonlySet<string>;
  /** True from close() on: /ready answers 503 while the drain lasts. */
  readonly draining: boolean;
}
