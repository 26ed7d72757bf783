import { requireUser } from "@shopstream/kernel";
import type { AddressInput } from "../services/address-service.js";
import type { Resolver } from "./types.js";

// GraphQL sends explicit nulls for cleared optional fields; required columns ignore a null.
const withoutNulls = <T extends object>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as Partial<AddressInput>;

export const addAddress: Resolver<unknown, { input: AddressInput }> = (_, { input }, { identity, services }) =>
  services.addresses.add(requireUser(identity), input);

export const updateAddress: Resolver<unknown, { id: string; input: Partial<AddressInput> }> = (
  _,
  { id, input },
  { identity, services },
) => services.addresses.update(requireUser(identity), id, withoutNulls(input));

export const removeAddress: Resolver<unknown, { id: string }> = (_, { id }, { identity, services }) =>
  services.addresses.remove(requireUser(identity), id);
