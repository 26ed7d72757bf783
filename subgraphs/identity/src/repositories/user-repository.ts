import type { Db } from "./db-client.js";

export function createUserRepository(db: Db) {
  return {
    findByIds: (ids: readonly string[]) => db.user.findMany({ where: { id: { in: [...ids] } } }),
    findByEmail: (email: string) => db.user.findUnique({ where: { email } }),
    create: (data: { id: string; email: string; name: string; passwordHash: string; scopes: string[] }) =>
      db.user.create({ data }),
    setPasswordHash: (id: string, passwordHash: string) => db.user.update({ where: { id }, data: { passwordHash } }),
  };
}
