// The recommendations service's environment: everything it reads from process.env, in one place.
import { identityEnv, kafkaEnv, parseEnv, portEnv, postgresEnv, redisEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";

export const recommendationsEnvShape = {
  ...serviceEnv,
  ...portEnv(4005),
  ...postgresEnv("recommendations"),
  ...kafkaEnv,
  ...redisEnv,
  ...identityEnv,
  /** Upper bound on how stale a cached list can be if an invalidation is ever missed. */
  RECS_CACHE_TTL_S: z.coerce.number().int().min(1).default(600),
  /** Trending lists slide with the clock, so they are kept for a shorter time. */
  RECS_TRENDING_TTL_S: z.coerce.number().int().min(1).default(60),
};

export type RecommendationsEnv = ReturnType<typeof parseRecommendationsEnv>;

/** For tests: throws EnvError instead of exiting. */
export const parseRecommendationsEnv = (source: Record<string, string | undefined> = process.env) =>
  parseEnv(recommendationsEnvShape, source);
