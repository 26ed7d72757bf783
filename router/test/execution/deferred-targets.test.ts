import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { deferredTargets, mergeDelivered } from "../../src/execution/deferred-targets.js";
import { TypeConditions } from "../../src/execution/type-conditions.js";

const types = new TypeConditions(
  buildSchema(`
    type Query { feed: [Item] }
    interface Item { id: ID! }
    type Shirt implements Item { id: ID! }
    type Shoe implements Item { id: ID! }`),
);

describe("deferredTargets", () => {
  it("reaches every list element the client was sent, with its concrete path", () => {
    const delivered = { feed: [{ id: "a" }, { id: "b" }] };
    const fetched = {
      feed: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
    };
    expect(deferredTargets(delivered, fetched, ["feed"], types)).toEqual([
      { path: ["feed", 0], fetched: fetched.feed[0] },
      { path: ["feed", 1], fetched: fetched.feed[1] },
    ]);
  });

  it("sends nothing under a parent the client got as null (a null bubbled up in an earlier part)", () => {
    const delivered = { feed: [null, { id: "b" }] };
    const fetched = { feed: [{ id: "a" }, { id: "b" }] };
    expect(deferredTargets(delivered, fetched, ["feed"], types).map((target) => target.path)).toEqual([["feed", 1]]);
    expect(deferredTargets({ feed: null }, fetched, ["feed"], types)).toEqual([]);
  });

  it("keeps only the objects a type condition in the path applies to", () => {
    const delivered = { feed: [{ id: "a" }, { id: "b" }] };
    const fetched = {
      feed: [
        { __typename: "Shirt", id: "a" },
        { __typename: "Shoe", id: "b" },
      ],
    };
    expect(deferredTargets(delivered, fetched, ["feed", "... on Shoe"], types).map((target) => target.path)).toEqual([
      ["feed", 1],
    ]);
  });
});

describe("mergeDelivered", () => {
  it("adds a part at its path, and a later change to the part does not reach the view", () => {
    const view = { feed: [{ id: "a" }] };
    const part = { name: "A", tags: ["x"] };
    mergeDelivered(view, ["feed", 0], part);
    part.tags.push("y");
    expect(view).toEqual({ feed: [{ id: "a", name: "A", tags: ["x"] }] });
  });
});
