import type { Resolver } from "./types.js";

export const requestPasswordReset: Resolver<unknown, { email: string }> = (_, { email }, { services, clientIp }) =>
  services.passwordReset.request(email, clientIp);

export const resetPassword: Resolver<unknown, { token: string; newPassword: string }> = (
  _,
  { token, newPassword },
  { services },
) => services.passwordReset.reset(token, newPassword);
