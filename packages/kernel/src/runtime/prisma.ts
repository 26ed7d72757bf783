// Every domain has its own generated PrismaClient class; they all connect the same way, and every
// query becomes a span of the active trace.
import { PrismaPg } from "@prisma/adapter-pg";
import { type PgEnv, pgConnection } from "../db/pg-connection.js";
import { SpanKind, withSpan } from "../observability/tracing.js";

interface QueryHookArgs {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
}
interface Extensible {
  $extends(extension: { query: { $allOperations: (hook: QueryHookArgs) => Promise<unknown> } }): unknown;
}

export function createPrismaClient<C>(PrismaClient: new (options: { adapter: PrismaPg }) => C, env: PgEnv): C {
  const client = new PrismaClient({ adapter: new PrismaPg(pgConnection(env)) });
  return (client as unknown as Extensible).$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) =>
        withSpan(
          `prisma ${model ? `${model}.` : ""}${operation}`,
          { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql" } },
          () => query(args),
        ),
    },
  }) as C;
}
