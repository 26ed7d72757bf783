// The authorization walk on a small supergraph-like schema with the directives applied.
import type { Identity } from "@shopstream/kernel";
import { describe, expect, it } from "vitest";
import { accessRequirements } from "../../src/auth/access-requirements.js";
import { filterOperation } from "../../src/auth/filter-operation.js";
import { buildSchema, parse, print } from "../../src/graphql-runtime.js";

const schema = buildSchema(`
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query {
    products: [Product!]!
    me: User! @authenticated
    secret: Secret
    warehouses: [String!]! @requiresScopes(scopes: [["inventory:read"], ["admin", "ops"]])
  }
  type Mutation { createThing: Boolean @requiresScopes(scopes: [["thing:write"]]) }
  type Product { id: ID! name: String! stock: Int @requiresScopes(scopes: [["inventory:read"]]) }
  type User { id: ID! }
  type Secret @authenticated { value: String }
`);
const requirements = accessRequirements(schema);
const anonymous: Identity = { userId: null, sessionId: null, scopes: [] };
const shopper: Identity = { userId: "u1", sessionId: "s1", scopes: ["profile"] };
const staff: Identity = { userId: "u2", sessionId: "s2", scopes: ["inventory:read"] };

function run(query: string, identity: Identity) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition")!;
  const result = filterOperation(schema, requirements, document, operation as never, identity);
  return {
    ...result,
    text: result.document ? print(result.document).replace(/\s+/g, " ") : null,
    document: result.document,
    original: document,
  };
}

describe("filterOperation", () => {
  it("leaves a public operation untouched (same document object)", () => {
    const result = run("{ products { id name } }", anonymous);
    expect(result.denied).toEqual([]);
    expect(result.document).toBe(result.original);
  });

  it("keeps a deferred fragment deferred once a field the caller may not see is taken out of it", () => {
    const result = run('{ products { id ... @defer(label: "more") { name stock } } }', anonymous);
    expect(result.denied).toEqual([{ path: ["products", "stock"], coordinate: "Product.stock", kind: "field" }]);
    expect(result.text).toBe('{ products { id ... @defer(label: "more") { name } } }');
    // Nothing left in it: the fragment goes, the rest stays.
    expect(run("{ products { id ... @defer { stock } } }", anonymous).text).toBe("{ products { id } }");
  });

  it("removes @authenticated fields for anonymous callers and keeps the rest", () => {
    const result = run("{ products { id } me { id } }", anonymous);
    expect(result.denied).toEqual([{ path: ["me"], coordinate: "Query.me", kind: "field" }]);
    expect(result.text).toBe("{ products { id } }");
    expect(run("{ products { id } me { id } }", shopper).denied).toEqual([]);
  });

  it("checks scopes (OR of ANDs) at nested paths, with aliases and through named fragments", () => {
    const query = "query Q { list: products { id ...P } } fragment P on Product { name stock }";
    const denied = run(query, shopper);
    expect(denied.denied).toEqual([{ path: ["list", "stock"], coordinate: "Product.stock", kind: "field" }]);
    expect(denied.text).toBe("query Q { list: products { id ... on Product { name } } }");
    expect(run(query, staff).denied).toEqual([]);
    expect(run("{ warehouses }", { ...shopper, scopes: ["admin"] }).denied).toHaveLength(1);
    expect(run("{ warehouses }", { ...shopper, scopes: ["admin", "ops"] }).denied).toEqual([]);
  });

  it("applies a type's directive to every field returning it", () => {
    expect(run("{ secret { value } }", anonymous).denied).toEqual([
      { path: ["secret"], coordinate: "Query.secret", kind: "field" },
    ]);
    expect(run("{ secret { value } }", shopper).denied).toEqual([]);
  });

  it("drops a parent whose every sub-field was denied, and reports nothing left", () => {
    const partial = run("{ products { stock } me { id } }", shopper);
    expect(partial.emptied).toEqual([["products"]]);
    expect(partial.text).toBe("{ me { id } }");
    const none = run("mutation { createThing }", staff);
    expect(none.document).toBeNull();
    expect(none.denied).toEqual([{ path: ["createThing"], coordinate: "Mutation.createThing", kind: "field" }]);
  });

  it("remembers public operations, never protected ones", () => {
    const document = parse("{ products { id } }");
    const operation = document.definitions[0] as never;
    for (let i = 0; i < 2; i++)
      expect(filterOperation(schema, requirements, document, operation, anonymous).document).toBe(document);
    const mixed = parse("{ products { id } me { id } }");
    for (const identity of [shopper, anonymous, shopper, anonymous])
      expect(filterOperation(schema, requirements, mixed, mixed.definitions[0] as never, identity).denied).toHaveLength(
        identity.userId ? 0 : 1,
      );
  });

  it("keeps __typename and honours scopes for signed-in callers only", () => {
    expect(run("{ __typename me { id } }", anonymous).text).toBe("{ __typename }");
    expect(
      run("mutation { createThing }", { userId: null, sessionId: null, scopes: ["thing:write"] }).document,
    ).toBeNull();
  });
});
