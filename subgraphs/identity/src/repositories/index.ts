import { createAddressRepository } from "./address-repository.js";
import type { Db } from "./db-client.js";
import { createOAuthClientRepository } from "./oauth-client-repository.js";
import { createPasswordResetRepository } from "./password-reset-repository.js";
import { createSessionRepository } from "./session-repository.js";
import { createSigningKeyRepository } from "./signing-key-repository.js";
import { createUserRepository } from "./user-repository.js";

export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    addresses: createAddressRepository(db),
    sessions: createSessionRepository(db),
    passwordResets: createPasswordResetRepository(db),
    signingKeys: createSigningKeyRepository(db),
    oauthClients: createOAuthClientRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
