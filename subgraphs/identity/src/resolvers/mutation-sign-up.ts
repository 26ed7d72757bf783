import { toAuthPayload } from "./auth-payload.js";
import type { Resolver } from "./types.js";

export const signUp: Resolver<unknown, { input: { email: string; name: string; password: string } }> = async (
  _,
  { input },
  { services, clientIp },
) => toAuthPayload(await services.auth.signUp(input, clientIp));
