import type { Db } from "./db-client.js";

export interface AddressData {
  label?: string | null;
  recipient: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  isDefault: boolean;
}

export function createAddressRepository(db: Db) {
  return {
    findByUserIds: (userIds: readonly string[]) =>
      db.address.findMany({ where: { userId: { in: [...userIds] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    findOwned: (id: string, userId: string) => db.address.findFirst({ where: { id, userId } }),
    countForUser: (userId: string) => db.address.count({ where: { userId } }),
    create: (data: AddressData & { id: string; userId: string }) => db.address.create({ data }),
    update: (id: string, data: Partial<AddressData>) => db.address.update({ where: { id }, data }),
    delete: (id: string) => db.address.delete({ where: { id } }),
    clearDefault: (userId: string) =>
      db.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } }),
  };
}
