// The router shares graphql-js values with @apollo/* (CommonJS) through router/src/graphql-runtime.ts.
// A value imported from "graphql" directly is, under vitest, a second (ESM) instance whose
// instanceof checks reject the first's types ("Cannot use GraphQLInterfaceType from another
// module or realm"), which broke interface type conditions once. Type-only imports are fine.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const routerSource = path.resolve(import.meta.dirname, "../../router/src");
const runtime = path.join(routerSource, "graphql-runtime.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** `import { a, type B } from "graphql"` with at least one value binding. */
export function importsGraphqlValues(text: string): boolean {
  for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"graphql"/g)) {
    if (match[1]) continue;
    const names = (match[2] ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.some((name) => !name.startsWith("type "))) return true;
  }
  return /import\s+\w+\s+from\s+"graphql"|import\s+\*\s+as\s+\w+\s+from\s+"graphql"/.test(text);
}

describe("router graphql instance", () => {
  it("tells value imports from type-only imports", () => {
    expect(importsGraphqlValues('import { isObjectType, type GraphQLSchema } from "graphql";')).toBe(true);
    expect(importsGraphqlValues('import type { GraphQLSchema } from "graphql";')).toBe(false);
    expect(importsGraphqlValues('import { type GraphQLSchema } from "graphql";')).toBe(false);
  });

  it("takes every graphql value through graphql-runtime.ts", () => {
    const offenders = sources(routerSource)
      .filter((file) => file !== runtime && importsGraphqlValues(readFileSync(file, "utf8")))
      .map((file) => path.relative(routerSource, file));
    expect(offenders).toEqual([]);
  });
});
