import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { topics } from "../topics.js";

/** Explicit invalidation of cached entity representations, e.g. from an admin purge. */
export const cacheInvalidationRequested = defineEvent({
  type: "cache.invalidation.requested",
  topic: topics.cacheInvalidations,
  data: z.object({ typename: z.string(), keys: z.array(z.string()).min(1) }),
});
