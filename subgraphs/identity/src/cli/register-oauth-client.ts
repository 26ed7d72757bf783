// Registers (or updates) a first-party public OAuth client, e.g. the storefront of a deployment:
//   node subgraphs/identity/dist/register-oauth-client.js --id storefront-web --name "ShopStream" \
//     --redirect-uri https://shop.example.com/callback [--redirect-uri ...] [--scope profile ...]
// Development seeds register the local ones; every other environment runs this once per client.
import { parseArgs } from "node:util";
import { runTask } from "@shopstream/kernel";
import { identityService } from "../app.js";

const usage =
  "usage: register-oauth-client --id <client id> --name <display name> --redirect-uri <uri> [--redirect-uri <uri> ...] [--scope <scope> ...]";

let values: { id?: string; name?: string; "redirect-uri"?: string[]; scope?: string[] };
try {
  ({ values } = parseArgs({
    options: {
      id: { type: "string" },
      name: { type: "string" },
      "redirect-uri": { type: "string", multiple: true },
      scope: { type: "string", multiple: true },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(64);
}
const { id, name, "redirect-uri": redirectUris = [], scope: scopes = ["profile"] } = values;
if (!id || !name || redirectUris.length === 0) {
  console.error(usage);
  process.exit(64);
}

await runTask(identityService, "register OAuth client", async ({ services }) => {
  const result = await services.oauth.registerClient({ id, name, redirectUris, scopes });
  if (!result.ok) throw new Error(result.problems.join("; "));
  return `client ${id}: ${redirectUris.join(", ")} (scopes: ${scopes.join(" ")})`;
});
