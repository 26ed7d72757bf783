import { toAuthPayload } from "./auth-payload.js";
import type { Resolver } from "./types.js";

export const refreshSession: Resolver<unknown, { refreshToken: string }> = async (_, { refreshToken }, { services }) =>
  toAuthPayload(await services.auth.refresh(refreshToken));
