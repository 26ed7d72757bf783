// Builds the three recommendation lists from cached building blocks (co-purchases of a product,
// best sellers of a category or brand, trending windows, a user's profile). Only the blocks are
// cached, each under a key that names what it depends on, so an event drops exactly the blocks it
// changed; merging them per request is cheap arithmetic.

import type { Identity, RedisCache } from "@shopstream/kernel";
import { GraphQLError } from "graphql";
import type { Repositories } from "../repositories/index.js";
import type { ProductAttribute } from "../repositories/product-attribute-repository.js";
import type { Affinity } from "../repositories/user-profile-repository.js";
import { type Classification, cacheKeys, type TrendingWindow, WINDOW_HOURS } from "./cache-keys.js";
import { blend, hourBucket, MAX_LIST_LENGTH, pickDistinct, type Ranked, windowStart } from "./ranking.js";

/** How many of a user's strongest categories and brands drive their picks. */
const TOP_AFFINITIES = 3;

export interface UserProfile {
  affinities: Affinity[];
  bought: string[];
}

export interface RecommendationServiceDeps {
  repositories: Repositories;
  cache: RedisCache;
  trendingTtlSeconds: number;
  now?: () => Date;
}

export function createRecommendationService({
  repositories,
  cache,
  trendingTtlSeconds,
  now,
}: RecommendationServiceDeps) {
  const { rankings, profiles } = repositories;
  const clock = now ?? (() => new Date());
  const ids = (items: Ranked[]) => items.map((item) => item.productId);

  const blocks = {
    coPurchased: (productId: string) =>
      cache.getOrCompute(cacheKeys.coPurchased(productId), () => rankings.coPurchased(productId, MAX_LIST_LENGTH)),
    popular: (kind: Classification, id: string) =>
      cache.getOrCompute(cacheKeys.popular(kind, id), () => rankings.popularIn(kind, id, MAX_LIST_LENGTH)),
    trending: (window: TrendingWindow) => {
      const now = clock();
      return cache.getOrCompute(
        cacheKeys.trending(window, hourBucket(now)),
        () => rankings.trending(windowStart(now, WINDOW_HOURS[window]), hourBucket(now), MAX_LIST_LENGTH),
        trendingTtlSeconds,
      );
    },
    profile: (userId: string) =>
      cache.getOrCompute<UserProfile>(cacheKeys.profile(userId), async () => ({
        affinities: await profiles.affinities(userId),
        bought: await profiles.boughtProductIds(userId),
      })),
  };

  async function trending(window: TrendingWindow, first: number, exclude: ReadonlySet<string> = new Set()) {
    const picked = pickDistinct([ids(await blocks.trending(window))], exclude, first);
    if (picked.length >= first || window === "WEEK") return picked;
    return pickDistinct([picked, ids(await blocks.trending("WEEK"))], exclude, first);
  }

  return {
    trending: (window: TrendingWindow, first: number) => trending(window, first),

    /** Co-purchases first, then best sellers of the product's categories and brand. */
    async forProduct(productId: string, attribute: ProductAttribute | null, first: number): Promise<string[]> {
      if (first === 0) return [];
      const exclude = new Set([productId]);
      const coPurchased = ids(await blocks.coPurchased(productId));
      if (coPurchased.length >= first) return pickDistinct([coPurchased], exclude, first);
      const related = await Promise.all([
        ...(attribute?.categoryIds ?? []).map((id) => blocks.popular("category", id)),
        ...(attribute?.brandId ? [blocks.popular("brand", attribute.brandId)] : []),
      ]);
      return pickDistinct([coPurchased, blend(related.map((items) => ({ weight: 1, items })))], exclude, first);
    },

    /** Best sellers of the user's strongest categories and brands, then trending; never what they bought. */
    async forUser(identity: Identity, userId: string, first: number): Promise<string[]> {
      assertSelfOrAdmin(identity, userId);
      if (first === 0) return [];
      const profile = await blocks.profile(userId);
      const strongest = (["CATEGORY", "BRAND"] as const).flatMap((kind) =>
        profile.affinities.filter((affinity) => affinity.kind === kind).slice(0, TOP_AFFINITIES),
      );
      const lists = await Promise.all(
        strongest.map(async (affinity) => ({
          weight: affinity.score,
          items: await blocks.popular(affinity.kind === "CATEGORY" ? "category" : "brand", affinity.value),
        })),
      );
      const bought = new Set(profile.bought);
      const personal = pickDistinct([blend(lists)], bought, first);
      if (personal.length >= first) return personal;
      return pickDistinct([personal, await trending("DAY", first, bought)], bought, first);
    },
  };
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;

/** Picks reveal purchases: only the user themself or an operator may read them. */
function assertSelfOrAdmin(identity: Identity, userId: string) {
  if (identity.userId === userId || identity.scopes.includes("recommendations:admin")) return;
  throw new GraphQLError("Only the user themself can see their recommendations.", {
    extensions: { code: identity.userId ? "FORBIDDEN" : "UNAUTHENTICATED" },
  });
}
