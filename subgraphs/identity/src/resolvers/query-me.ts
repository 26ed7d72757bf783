import { requireUser } from "@shopstream/kernel";
import { GraphQLError } from "graphql";
import type { Resolver } from "./types.js";

export const me: Resolver<unknown> = async (_, __, { identity, loaders }) => {
  const user = await loaders.userById.load(requireUser(identity));
  if (!user) throw new GraphQLError("Your account no longer exists.", { extensions: { code: "UNAUTHENTICATED" } });
  return user;
};
