// graphql-js values (functions, classes) for the router. @apollo/* are CommonJS and load
// graphql's CJS build; Vite-based tools (vitest) would resolve `import "graphql"` to its ESM build,
// a second instance whose instanceof checks reject the first's schemas ("Cannot use
// GraphQLScalarType from another module or realm"). Requiring it here keeps ONE instance
// everywhere. Type-only imports from "graphql" are fine anywhere.
import { createRequire } from "node:module";

const graphql: typeof import("graphql") = createRequire(import.meta.url)("graphql");

export const {
  buildSchema,
  executeSync,
  findBreakingChanges,
  findDangerousChanges,
  getNamedType,
  getOperationAST,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  NoSchemaIntrospectionCustomRule,
  parse,
  print,
  printSchema,
  Source,
  specifiedRules,
  validate,
  visit,
} = graphql;
