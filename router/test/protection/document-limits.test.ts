// Each shape limit alone (the others raised out of the way), plus the parse-time limits.
import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/graphql-runtime.js";
import { checkDocumentLimits } from "../../src/protection/document-limits.js";
import { parseWithLimits } from "../../src/protection/parse-with-limits.js";
import { defaultLimits, type OperationLimits } from "../../src/protection/protection-config.js";
import { RequestError } from "../../src/request/request-error.js";

const generous: OperationLimits = {
  ...defaultLimits,
  maxDocumentBytes: 50_000_000,
  maxTokens: 10_000_000,
  maxDepth: 10_000,
  maxAliases: 1_000_000,
  maxRootFields: 1_000_000,
  maxDirectivesPerField: 1_000_000,
  maxDirectives: 1_000_000,
};

function rejection(query: string, limits: Partial<OperationLimits>): RequestError | undefined {
  const merged = { ...generous, ...limits };
  try {
    checkDocumentLimits(parseWithLimits(query, merged), merged);
    return undefined;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
}

const nested = (depth: number) => `${"{ a ".repeat(depth)}${"}".repeat(depth)}`;

describe("document limits", () => {
  it("refuses an over-long document before parsing", () => {
    const error = rejection(`{ a } # ${"x".repeat(200)}`, { maxDocumentBytes: 100 });
    expect(error?.code).toBe("DOCUMENT_TOO_LARGE");
    expect(error?.details[0]?.extensions).toMatchObject({ limit: "maxDocumentBytes", max: 100 });
  });

  it("stops parsing at maxTokens", () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `a${i}: x`).join(" ");
    const error = rejection(`{ ${aliases} }`, { maxTokens: 5_000 });
    expect(error?.code).toBe("MAX_TOKENS_EXCEEDED");
    expect(error?.details[0]?.extensions?.limit).toBe("maxTokens");
  });

  it("measures depth, through fragments", () => {
    expect(rejection(nested(15), { maxDepth: 15 })).toBeUndefined();
    expect(rejection(nested(16), { maxDepth: 15 })?.code).toBe("MAX_DEPTH_EXCEEDED");
    const viaFragments = "{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { d } }";
    expect(rejection(viaFragments, { maxDepth: 4 })).toBeUndefined();
    expect(rejection(viaFragments, { maxDepth: 3 })?.details[0]?.extensions).toMatchObject({ actual: 4 });
  });

  it("lets the standard introspection query through the default depth, not a depth-40 one", () => {
    const full = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true });
    expect(rejection(full, { maxDepth: defaultLimits.maxDepth })).toBeUndefined();
    const deep = `{ __schema { types { ${"fields { type { ".repeat(19)} name ${"} } ".repeat(19)} } } }`;
    expect(rejection(deep, { maxDepth: defaultLimits.maxDepth })?.code).toBe("MAX_DEPTH_EXCEEDED");
  });

  it("counts aliases, root fields and directives", () => {
    expect(rejection("{ a: x b: x c: x }", { maxAliases: 2 })?.code).toBe("MAX_ALIASES_EXCEEDED");
    expect(rejection("{ a b ... on Query { c } ...F } fragment F on Query { d }", { maxRootFields: 3 })?.code).toBe(
      "MAX_ROOT_FIELDS_EXCEEDED",
    );
    const directives = "@skip(if: false) ".repeat(6);
    expect(rejection(`{ a ${directives} }`, { maxDirectivesPerField: 5 })?.details[0]?.extensions?.limit).toBe(
      "maxDirectivesPerField",
    );
    expect(rejection("{ a @include(if: true) b @include(if: true) }", { maxDirectives: 1 })?.code).toBe(
      "MAX_DIRECTIVES_EXCEEDED",
    );
  });

  it("detects fragment cycles before validation, and walks fan-out in linear time", () => {
    expect(rejection("{ ...A } fragment A on Q { ...B } fragment B on Q { x { ...A } }", {})?.code).toBe(
      "FRAGMENT_CYCLE",
    );
    expect(rejection("{ ...A } fragment A on Q { ...A }", {})?.code).toBe("FRAGMENT_CYCLE");
    // 40 fragments each spreading the next twice: 2^40 paths if expanded naively.
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Q { a { ...F${i + 1} } b { ...F${i + 1} } }`);
    const query = `{ ...F0 } ${chain.join(" ")} fragment F40 on Q { z }`;
    expect(rejection(query, { maxDepth: 41 })).toBeUndefined();
    expect(rejection(query, { maxDepth: 40 })?.code).toBe("MAX_DEPTH_EXCEEDED");
  });

  it("leaves ordinary syntax errors to the parse-failure path", () => {
    expect(() => parseWithLimits("{ a", defaultLimits)).toThrow(/Syntax Error/);
    expect(parse("{ a }").definitions).toHaveLength(1);
  });
});
