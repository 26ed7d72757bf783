import { toAuthPayload } from "./auth-payload.js";
import type { Resolver } from "./types.js";

export const signIn: Resolver<unknown, { input: { email: string; password: string } }> = async (
  _,
  { input },
  { services, clientIp },
) => toAuthPayload(await services.auth.signIn(input, clientIp));
