// Per-request state that flows through the pipeline steps and into subgraph fetches.
import type { Identity, Logger } from "@shopstream/kernel";
import type { SubgraphAnswer } from "../datasource/undici-data-source.js";

export interface RouterContext {
  requestId: string;
  identity: Identity;
  /** Signed identity + request id, sent with every subgraph fetch of this request. */
  subgraphHeaders: Record<string, string>;
  logger: Logger;
  /**
   * Set on a request sampled for shadow reads (shadow/): its query fetches' answers by subgraph and
   * body, so the shadow read re-sends only the fetches its path does differently.
   */
  fetchAnswers?: Map<string, Promise<SubgraphAnswer>>;
}
