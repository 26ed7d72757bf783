// Wires the rollout sources for startRouter: the file and/or a Redis connection of its own
// (closed with the router). Without either, every labelled field stays on legacy.
import { createRedis, type Logger } from "@shopstream/kernel";
import { type RolloutState, startRolloutSources } from "./rollout-sources.js";

export interface RolloutOptions {
  /** JSON file, e.g. schema/rollout.json; watched. */
  file?: string;
  /** Redis holding the same JSON under `redisKey` (default router:rollout); polled. */
  redisUrl?: string;
  redisKey?: string;
  pollMs?: number;
}

export async function startRollout(options: RolloutOptions | undefined, logger: Logger): Promise<RolloutState> {
  const redis = options?.redisUrl
    ? createRedis({ REDIS_URL: options.redisUrl }, { name: "router", logger })
    : undefined;
  const state = await startRolloutSources({ ...options, redis, logger: logger.child({ component: "rollout" }) });
  return {
    ...state,
    close() {
      state.close();
      redis?.disconnect();
    },
  };
}
