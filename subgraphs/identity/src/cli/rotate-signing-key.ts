// Rotates the access-token signing key: `npx tsx subgraphs/identity/src/cli/rotate-signing-key.ts`.
// Replicas pick the new key up within 30 s; the old public key stays in the JWKS until its tokens expire.
import { runTask } from "@shopstream/kernel";
import { identityService } from "../app.js";

await runTask(identityService, "rotate signing key", async ({ services }) => {
  return `active signing key: ${await services.signingKeys.rotate()}`;
});
