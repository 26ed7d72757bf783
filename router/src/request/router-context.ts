// Per-request state that flows through the pipeline steps and into subgraph fetches.
import type { Identity, Logger } from "@shopstream/kernel";

export interface RouterContext {
  requestId: string;
  identity: Identity;
  /** Signed identity + request id, sent with every subgraph fetch of this request. */
  subgraphHeaders: Record<string, string>;
  logger: Logger;
}
