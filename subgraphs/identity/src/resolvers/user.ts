// User entity. Ownership: only the user themself (or identity:admin) resolves a User; anyone
// else gets null, also through federation references from other subgraphs.
import { hasScope } from "@shopstream/kernel";
import type { IdentityContext } from "../context.js";
import type { UserRow } from "../repositories/user-repository.js";
import type { Resolver } from "./types.js";

export const mayRead = (userId: string, { identity }: IdentityContext) =>
  identity.userId === userId || hasScope(identity, "identity:admin");

const __resolveReference = (reference: { id: string }, context: IdentityContext) =>
  mayRead(reference.id, context) ? context.loaders.userById.load(reference.id) : null;

const addresses: Resolver<UserRow> = (user, _, { loaders }) => loaders.addressesByUserId.load(user.id);

const defaultAddress: Resolver<UserRow> = async (user, _, { loaders }) =>
  (await loaders.addressesByUserId.load(user.id)).find((address) => address.isDefault) ?? null;

const createdAt: Resolver<UserRow> = (user) => user.createdAt.toISOString();

export const User = { __resolveReference, addresses, defaultAddress, createdAt };
