// Wires the rollout sources for startRouter: the file and/or a Redis connection of its own
// (closed with the router). Without either, every labelled field stays on legacy.
import { createRedis, type Logger } from "@shopstream/kernel";
import { z } from "zod";
import { type RolloutState, startRolloutSources } from "./rollout-sources.js";

export const rolloutSourceSettingsSchema = z.object({
  /** JSON file, e.g. schema/rollout.json; watched. */
  file: z.string().min(1).optional(),
  /** Redis holding the same JSON under `redisKey`; polled every `pollMs`. */
  redisUrl: z.string().url().optional(),
  redisKey: z.string().min(1).default("router:rollout"),
  pollMs: z.number().int().min(50).default(500),
});

export type RolloutSourceSettings = z.output<typeof rolloutSourceSettingsSchema>;

export async function startRollout(settings: RolloutSourceSettings | undefined, logger: Logger): Promise<RolloutState> {
  const { redisKey, pollMs, file } = settings ?? rolloutSourceSettingsSchema.parse({});
  const redis = settings?.redisUrl
    ? createRedis({ REDIS_URL: settings.redisUrl }, { name: "router", logger })
    : undefined;
  const state = await startRolloutSources({
    file,
    redis: redis && { client: redis, key: redisKey },
    pollMs,
    logger: logger.child({ component: "rollout" }),
  });
  return {
    ...state,
    close() {
      state.close();
      redis?.disconnect();
    },
  };
}
