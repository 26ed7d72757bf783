import type { Db } from "./db-client.js";

export function createOAuthClientRepository(db: Db) {
  return {
    findById: (id: string) => db.oAuthClient.findUnique({ where: { id } }),
    upsert: (data: { id: string; name: string; redirectUris: string[]; scopes: string[] }) =>
      db.oAuthClient.upsert({ where: { id: data.id }, create: data, update: data }),
  };
}
