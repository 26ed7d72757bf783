import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import type { IdentityContext } from "../context.js";
import { AuthSession } from "./auth-session.js";
import { addAddress, removeAddress, updateAddress } from "./mutation-addresses.js";
import { requestPasswordReset, resetPassword } from "./mutation-password-reset.js";
import { refreshSession } from "./mutation-refresh-session.js";
import { rotateSigningKey } from "./mutation-rotate-signing-key.js";
import { signIn } from "./mutation-sign-in.js";
import { signOut, signOutEverywhere } from "./mutation-sign-out.js";
import { signUp } from "./mutation-sign-up.js";
import { me } from "./query-me.js";
import { User } from "./user.js";

export const resolvers = {
  Query: { me },
  Mutation: {
    signUp,
    signIn,
    refreshSession,
    signOut,
    signOutEverywhere,
    requestPasswordReset,
    resetPassword,
    addAddress,
    updateAddress,
    removeAddress,
    rotateSigningKey,
  },
  User,
  AuthSession,
} as GraphQLResolverMap<IdentityContext>;
