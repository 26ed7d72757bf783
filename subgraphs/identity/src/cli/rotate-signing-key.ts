// Rotates the access-token signing key: `npx tsx subgraphs/identity/src/cli/rotate-signing-key.ts`.
// Replicas pick the new key up within 30 s; the old public key stays in the JWKS until its tokens expire.
import { createLogger } from "@shopstream/kernel";
import { createPrisma } from "../db.js";
import { loadIdentityEnv } from "../env.js";
import { createRepositories } from "../repositories/index.js";
import { createSigningKeyService } from "../services/signing-key-service.js";

const env = loadIdentityEnv();
const logger = createLogger("identity-cli", env.LOG_LEVEL);
const prisma = createPrisma(env);
try {
  const keys = createSigningKeyService({ prisma, env, logger, repositories: createRepositories(prisma) });
  const kid = await keys.rotate();
  process.stdout.write(`active signing key: ${kid}\n`);
} finally {
  await prisma.$disconnect();
}
