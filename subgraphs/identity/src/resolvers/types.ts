import type { IdentityContext } from "../context.js";

/** A field resolver; resolvers stay thin and hand real work to services and loaders. */
export type Resolver<Parent, Args = Record<string, never>, Result = unknown> = (
  parent: Parent,
  args: Args,
  context: IdentityContext,
) => Result | Promise<Result>;
