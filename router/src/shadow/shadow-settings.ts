// The router's limits for shadow reads; which labels are sampled, how often and which fields are
// ignored live in the rollout setting (overrides/rollout-settings.ts), changeable at run time.
import { z } from "zod";

export const shadowReadSettingsSchema = z.object({
  /** Shadow reads running at once per router process; a sampled read beyond it is dropped. */
  maxInFlight: z.number().int().min(1).default(4),
  /** Event-loop utilization (0..1) of the router process above which sampled reads are dropped. */
  maxEventLoopLoad: z.number().min(0).max(1).default(0.5),
  /** A shadow read taking longer is abandoned (counted as timeout). */
  timeoutMs: z.number().int().min(1).default(2_000),
  /** Differences logged with their values per mismatching read. */
  maxLoggedDifferences: z.number().int().min(1).default(5),
});

export type ShadowReadSettings = z.output<typeof shadowReadSettingsSchema>;
