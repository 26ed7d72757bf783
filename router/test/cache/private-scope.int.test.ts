// PRIVATE entries are keyed by user: what user A's fetch cached is never served to user B, and
// PRIVATE data of anonymous callers is never cached. Real Redis (the stack's, unique data); the
// subgraph is a stand-in data source that answers per caller, so the test sees whose answer came back.
import { createLogger, type Identity } from "@shopstream/kernel";
import { uniqueName } from "@shopstream/kernel/testing";
import { afterAll, describe, expect, it } from "vitest";
import { cacheSettingsSchema } from "../../src/cache/cache-config.js";
import { withEntityCache } from "../../src/cache/caching-data-source.js";
import { cachePolicyFromSchema } from "../../src/cache/policy-from-schema.js";
import { createRouterCache } from "../../src/cache/router-cache.js";
import { buildSchema } from "../../src/graphql-runtime.js";
import type { RouterContext } from "../../src/request/router-context.js";

// The hints as a subgraph declares them; the policy is read from them as from the supergraph.
const schema = buildSchema(`
  directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT
  enum CacheControlScope { PUBLIC PRIVATE }
  type Query { me: User @cacheControl(maxAge: 30) }
  type User @cacheControl(maxAge: 30, scope: PRIVATE) { id: ID! email: String! }
`);
const policy = cachePolicyFromSchema(schema);
const cache = createRouterCache(
  cacheSettingsSchema.parse({ redisUrl: process.env.REDIS_URL }),
  createLogger("private-scope-test", "silent"),
);
afterAll(() => cache.close());

function subgraph() {
  const calls: string[] = [];
  const inner = {
    async process(options: { context: RouterContext; request: { variables?: Record<string, unknown> } }) {
      const who = options.context.identity.userId ?? "anonymous";
      calls.push(who);
      const reps = (options.request.variables?.representations ?? []) as Array<{ id: string }>;
      return reps.length > 0
        ? { data: { _entities: reps.map((rep) => ({ __typename: "User", id: rep.id, email: `${who}@secret` })) } }
        : { data: { me: { id: who, email: `${who}@secret` } } };
    },
  };
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions
  type Answer = { data: any };
  const map = { identity: inner } as never as Record<string, { process(o: unknown): Promise<Answer> }>;
  withEntityCache(map as never, schema, cache.store, policy);
  return { source: map.identity!, calls };
}

const context = (userId: string | null): RouterContext =>
  ({ identity: { userId, sessionId: null, scopes: [] } as Identity, requestId: "r", subgraphHeaders: {} }) as never;
const fetchOf = (query: string, variables: Record<string, unknown>, userId: string | null) => ({
  kind: "incoming operation",
  request: { query, variables },
  context: context(userId),
});

describe("PRIVATE cache scope", () => {
  const entities =
    "query Q__identity__1($representations:[_Any!]!){_entities(representations:$representations){...on User{email}}}";

  it("never serves user A's cached entity to user B", async () => {
    const { source, calls } = subgraph();
    const [a, b] = [uniqueName("user-a"), uniqueName("user-b")];
    const variables = { representations: [{ __typename: "User", id: "shared-user" }] };
    const first = await source.process(fetchOf(entities, variables, a));
    expect(first.data._entities[0].email).toBe(`${a}@secret`);
    const again = await source.process(fetchOf(entities, variables, a));
    expect(again.data._entities[0].email).toBe(`${a}@secret`);
    expect(calls).toEqual([a]); // A's second fetch was a cache hit
    const other = await source.process(fetchOf(entities, variables, b));
    expect(other.data._entities[0].email).toBe(`${b}@secret`);
    expect(calls).toEqual([a, b]);
  });

  it("never serves a cached private root field to another user, and never caches anonymous callers", async () => {
    const { source, calls } = subgraph();
    const [a, b] = [uniqueName("user-a"), uniqueName("user-b")];
    const me = `query Me__identity__0{me{id email}}`;
    expect((await source.process(fetchOf(me, {}, a))).data.me.email).toBe(`${a}@secret`);
    expect((await source.process(fetchOf(me, {}, b))).data.me.email).toBe(`${b}@secret`);
    expect((await source.process(fetchOf(me, {}, a))).data.me.email).toBe(`${a}@secret`);
    await source.process(fetchOf(me, {}, null));
    await source.process(fetchOf(me, {}, null));
    expect(calls).toEqual([a, b, "anonymous", "anonymous"]);
  });
});
