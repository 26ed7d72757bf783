// Loaders live for one request (created in the context factory), so their cache never serves
// one caller's data to another or outlives a write.
import DataLoader from "dataloader";
import type { Repositories } from "../repositories/index.js";

export function createLoaders({ users, addresses }: Repositories) {
  const userById = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await users.findByIds(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const addressesByUserId = new DataLoader(async (userIds: readonly string[]) => {
    const rows = await addresses.findByUserIds(userIds);
    return userIds.map((userId) => rows.filter((row) => row.userId === userId));
  });
  return { userById, addressesByUserId };
}

export type Loaders = ReturnType<typeof createLoaders>;
