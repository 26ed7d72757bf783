import type { Db } from "./db-client.js";

export type { User as UserRow } from "../../../../prisma/identity/generated/client/index.js";

export function createUserRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]) => db.user.findMany({ where: { id: { in: [...ids] } } }),
    findByEmail: (email: string) => db.user.findUnique({ where: { email } }),
    findById: (id: string) => db.user.findUnique({ where: { id } }),
    create: (data: { id: string; email: string; name: string; passwordHash: string; scopes: string[] }) =>
      db.user.create({ data }),
    /** The seed's users: created, or brought back to the seeded name, email and scopes. */
    upsert: (data: { id: string; email: string; name: string; passwordHash: string; scopes: string[] }) =>
      db.user.upsert({ where: { id: data.id }, create: data, update: data }),
    setPasswordHash: (id: string, passwordHash: string) => db.user.update({ where: { id }, data: { passwordHash } }),
  };
}
