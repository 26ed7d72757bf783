import { requireUser, userError } from "@shopstream/kernel";
import type { Resolver } from "./types.js";

export const signOut: Resolver<unknown> = async (_, __, { identity, services }) => {
  requireUser(identity);
  if (!identity.sessionId)
    return { ok: false, userErrors: [userError("NO_SESSION", "This request carries no session to end.")] };
  await services.auth.signOut(identity.sessionId);
  return { ok: true, userErrors: [] };
};

export const signOutEverywhere: Resolver<unknown> = async (_, __, { identity, services }) => {
  await services.auth.signOutEverywhere(requireUser(identity));
  return { ok: true, userErrors: [] };
};
