// argon2id password hashing (OWASP's minimum profile: 19 MiB, t=2, p=1; the library defaults).
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the enum is a `const enum`, which isolatedModules cannot import.
const ARGON2ID = 2;

export const hashPassword = (password: string) => hash(password, { algorithm: ARGON2ID });

// Verifying against this when the email is unknown makes both answers take the same time.
const dummyHash = hashPassword("dummy-password-for-timing-equalisation");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
