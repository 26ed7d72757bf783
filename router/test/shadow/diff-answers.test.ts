import type { FragmentDefinitionNode, OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { buildSchema, parse } from "../../src/graphql-runtime.js";
import { diffAnswers } from "../../src/shadow/diff-answers.js";

const schema = buildSchema(`
  type Query { me: User, node(id: ID!): Node }
  interface Node { id: ID! }
  type User implements Node { id: ID!, orders(first: Int): OrderConnection! }
  type OrderConnection { edges: [OrderEdge!]! }
  type OrderEdge { cursor: String!, node: Order! }
  type Order implements Node { id: ID!, status: String!, total: Money!, placedAt: String! }
  type Money { amount: Int!, currency: String! }
`);

function diff(query: string, primary: unknown, shadow: unknown, ignore: string[] = [], maxDetails = 5) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
      .map((f) => [f.name.value, f]),
  );
  return diffAnswers(primary, shadow, { schema, operation, fragments, ignore: new Set(ignore), maxDetails });
}

const history = `{ me { orders(first: 3) { edges { cursor node { id status total { amount currency } } } } } }`;
const order = (id: string, status: string, amount: number) => ({
  cursor: `c-${id}`,
  node: { id, status, total: { amount, currency: "EUR" } },
});
const answer = (...edges: ReturnType<typeof order>[]) => ({ me: { orders: { edges } } });

describe("diffAnswers", () => {
  it("finds nothing in equal answers", () => {
    const a = answer(order("1", "CONFIRMED", 100), order("2", "CANCELLED", 250));
    const result = diff(history, a, structuredClone(a));
    expect(result.fields.size).toBe(0);
    expect(result.details).toEqual([]);
  });

  it("names the one differing field by coordinate and path", () => {
    const result = diff(
      history,
      answer(order("1", "CONFIRMED", 100), order("2", "CANCELLED", 250)),
      answer(order("1", "CONFIRMED", 100), order("2", "CANCELLED", 205)),
    );
    expect([...result.fields]).toEqual(["Money.amount"]);
    expect(result.details).toEqual([
      {
        path: ["me", "orders", "edges", 1, "node", "total", "amount"],
        field: "Money.amount",
        primary: 250,
        shadow: 205,
      },
    ]);
  });

  it("skips ignored fields and everything below them", () => {
    const result = diff(
      history,
      answer(order("legacy-1", "CONFIRMED", 100)),
      answer({ ...order("ord_9f", "CONFIRMED", 100), cursor: "other" }),
      ["Order.id", "OrderEdge.cursor"],
    );
    expect(result.fields.size).toBe(0);
    const below = diff(history, answer(order("1", "CONFIRMED", 100)), answer(order("1", "CONFIRMED", 1)), [
      "Order.total",
    ]);
    expect(below.fields.size).toBe(0);
  });

  it("reports a list of another length once, at the list", () => {
    const result = diff(
      history,
      answer(order("1", "CONFIRMED", 100), order("2", "CONFIRMED", 1)),
      answer(order("1", "CONFIRMED", 100)),
    );
    expect(result.details).toEqual([
      { path: ["me", "orders", "edges"], field: "OrderConnection.edges", primary: "2 items", shadow: "1 items" },
    ]);
  });

  it("reports null against a value, follows aliases, fragments and a type condition", () => {
    const query = `query { me { ...History } n: node(id: "1") { id ... on Order { state: status } } }
      fragment History on User { orders { edges { node { status } } } }`;
    const result = diff(
      query,
      { me: null, n: { __typename: "Order", id: "1", state: "CONFIRMED" } },
      { me: { orders: { edges: [] } }, n: { __typename: "Order", id: "1", state: "PENDING" } },
    );
    expect([...result.fields].sort()).toEqual(["Order.status", "Query.me"]);
    expect(result.details.find((d) => d.field === "Order.status")?.path).toEqual(["n", "state"]);
  });

  it("counts every differing field but keeps at most maxDetails values", () => {
    const many = Array.from({ length: 20 }, (_, i) => order(String(i), "CONFIRMED", i));
    const changed = many.map((edge) => ({ ...edge, node: { ...edge.node, status: "CANCELLED", placedAt: "x" } }));
    const result = diff(history, answer(...many), answer(...changed), [], 3);
    expect([...result.fields]).toEqual(["Order.status"]);
    expect(result.details).toHaveLength(3);
  });
});
