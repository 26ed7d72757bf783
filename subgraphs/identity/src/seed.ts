// Deterministic, idempotent dev seed (`npx tsx scripts/db.ts seed identity`): a few users, the
// admin, and the first-party OAuth clients. Passwords here are for local development only.
import { createLogger } from "@shopstream/kernel";
import { hashPassword, verifyPassword } from "./crypto/passwords.js";
import { createPrisma } from "./db.js";
import { loadIdentityEnv } from "./env.js";
import { createRepositories } from "./repositories/index.js";
import { createSigningKeyService } from "./services/signing-key-service.js";

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
    redirectUris: ["http://localhost:3000/callback"],
    scopes: adminScopes,
  },
  {
    id: "admin-web",
    name: "ShopStream admin",
    redirectUris: ["http://localhost:3001/callback"],
    scopes: adminScopes,
  },
];

const env = loadIdentityEnv();
const logger = createLogger("identity-seed", env.LOG_LEVEL);
const prisma = createPrisma(env);
try {
  const repositories = createRepositories(prisma);
  for (const { password, ...user } of seedUsers) {
    const existing = await prisma.user.findUnique({ where: { id: user.id } });
    // Re-hash only when the password changed, so re-running the seed is cheap and stable.
    const passwordHash =
      existing && (await verifyPassword(existing.passwordHash, password))
        ? existing.passwordHash
        : await hashPassword(password);
    await prisma.user.upsert({
      where: { id: user.id },
      create: { ...user, passwordHash },
      update: { ...user, passwordHash },
    });
  }
  for (const client of seedClients) await repositories.oauthClients.upsert(client);
  await createSigningKeyService({ prisma, env, logger, repositories }).ensureActiveKey();
  logger.info({ users: seedUsers.length, clients: seedClients.length }, "identity seeded");
} finally {
  await prisma.$disconnect();
}
