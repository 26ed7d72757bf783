// The development seed (`npm run db:seed`): a few users, the admin, the first-party OAuth clients
// and an active signing key. Deterministic and idempotent. Passwords are for local development only.
import { hashPassword, verifyPassword } from "../crypto/passwords.js";
import type { Repositories } from "../repositories/index.js";
import type { Services } from "./index.js";

/** Everything an administrator may do; the first-party clients may ask for all of it. */
const adminScopes = [
  "profile",
  "catalog:write",
  "inventory:read",
  "inventory:write",
  "orders:admin",
  "identity:admin",
  "cache:purge",
];

export const seedUsers = [
  {
    id: "usr_admin",
    email: "admin@shopstream.test",
    name: "Shop Admin",
    password: "admin-dev-password-1",
    scopes: adminScopes,
  },
  {
    id: "usr_alice",
    email: "alice@shopstream.test",
    name: "Alice Example",
    password: "alice-dev-password-1",
    scopes: ["profile"],
  },
  {
    id: "usr_bob",
    email: "bob@shopstream.test",
    name: "Bob Example",
    password: "bob-dev-password-1",
    scopes: ["profile"],
  },
];

export const seedClients = [
  {
    id: "storefront-web",
    name: "ShopStream storefront",
    redirectUris: ["http://127.0.0.1:3000/callback", "http://localhost:3000/callback"],
    scopes: adminScopes,
  },
  {
    id: "admin-web",
    name: "ShopStream admin",
    redirectUris: ["http://localhost:3001/callback"],
    scopes: adminScopes,
  },
];

export async function seedIdentity(
  repositories: Repositories,
  { signingKeys, oauth }: Pick<Services, "signingKeys" | "oauth">,
): Promise<string> {
  for (const { password, ...user } of seedUsers) {
    const existing = await repositories.users.findById(user.id);
    // Re-hash only when the password changed, so re-running the seed is cheap and stable.
    const passwordHash =
      existing && (await verifyPassword(existing.passwordHash, password))
        ? existing.passwordHash
        : await hashPassword(password);
    await repositories.users.upsert({ ...user, passwordHash });
  }
  for (const client of seedClients) await oauth.registerClient(client);
  await signingKeys.ensureActiveKey();
  return `${seedUsers.length} users, ${seedClients.length} OAuth clients, an active signing key`;
}
