// The address book. Every operation is scoped to the caller: another user's address id behaves
// exactly like an unknown one (ADDRESS_NOT_FOUND).
import { type UserError, userError } from "@shopstream/kernel";
import { newId } from "../crypto/tokens.js";
import type { AddressData } from "../repositories/address-repository.js";
import { createRepositories } from "../repositories/index.js";
import type { ServiceDeps } from "./service-deps.js";

const MAX_ADDRESSES = 20;

export type AddressInput = Omit<AddressData, "isDefault"> & { isDefault?: boolean | null };

function validate(input: Partial<AddressInput>): UserError[] {
  const errors: UserError[] = [];
  for (const field of ["recipient", "line1", "city", "postalCode"] as const) {
    const value = input[field];
    if (value !== undefined && (value.trim() === "" || value.length > 200))
      errors.push(userError("INVALID_ADDRESS", `${field} must be 1 to 200 characters.`, ["input", field]));
  }
  if (input.country !== undefined && !/^[A-Z]{2}$/.test(input.country))
    errors.push(
      userError("INVALID_COUNTRY", "country must be an ISO 3166-1 alpha-2 code, e.g. DE.", ["input", "country"]),
    );
  return errors;
}

const notFound = () => userError("ADDRESS_NOT_FOUND", "No such address.", ["id"]);

export function createAddressService({ prisma, repositories }: ServiceDeps) {
  return {
    async add(userId: string, input: AddressInput) {
      const errors = validate(input);
      if (errors.length > 0) return { address: null, userErrors: errors };
      if ((await repositories.addresses.countForUser(userId)) >= MAX_ADDRESSES)
        return { address: null, userErrors: [userError("TOO_MANY_ADDRESSES", `At most ${MAX_ADDRESSES} addresses.`)] };
      const address = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        const isDefault = input.isDefault === true || (await db.addresses.countForUser(userId)) === 0;
        if (isDefault) await db.addresses.clearDefault(userId);
        return db.addresses.create({ ...input, id: newId(), userId, isDefault });
      });
      return { address, userErrors: [] };
    },

    async update(userId: string, id: string, input: Partial<AddressInput>) {
      const errors = validate(input);
      if (errors.length > 0) return { address: null, userErrors: errors };
      if (!(await repositories.addresses.findOwned(id, userId))) return { address: null, userErrors: [notFound()] };
      const address = await prisma.$transaction(async (tx) => {
        const db = createRepositories(tx);
        if (input.isDefault === true) await db.addresses.clearDefault(userId);
        const { isDefault, ...rest } = input;
        return db.addresses.update(id, { ...rest, ...(isDefault == null ? {} : { isDefault }) });
      });
      return { address, userErrors: [] };
    },

    async remove(userId: string, id: string) {
      if (!(await repositories.addresses.findOwned(id, userId))) return { removedId: null, userErrors: [notFound()] };
      await repositories.addresses.delete(id);
      return { removedId: id, userErrors: [] };
    },
  };
}

export type AddressService = ReturnType<typeof createAddressService>;
