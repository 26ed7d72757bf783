import { requireScope } from "@shopstream/kernel";
import type { Resolver } from "./types.js";

export const rotateSigningKey: Resolver<unknown> = async (_, __, { identity, services }) => {
  requireScope(identity, "identity:admin");
  return { kid: await services.signingKeys.rotate(), userErrors: [] };
};
