import type { AuthSessionParent } from "./auth-payload.js";
import type { Resolver } from "./types.js";

const user: Resolver<AuthSessionParent> = (session, _, { loaders }) => loaders.userById.load(session.userId);

export const AuthSession = { user };
