// The BUILT storefront server (storefront/dist/server.js, production mode) in front of a
// BuiltPlatform, on a free loopback port (identity accepts its OAuth redirect on any loopback port).
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort, startBuilt, stop, waitForHealthy } from "@shopstream/testkit";
import type { BuiltPlatform } from "../../deploy/support/built-platform.js";

const root = path.resolve(import.meta.dirname, "../../..");

export interface BuiltStorefront {
  url: string;
  close(): Promise<void>;
}

export async function startBuiltStorefront(platform: BuiltPlatform): Promise<BuiltStorefront> {
  for (const file of ["storefront/dist/server.js", "storefront/dist/public/index.html"])
    if (!existsSync(path.join(root, file))) throw new Error(`not built (run npm run build): ${file}`);
  const port = await freePort();
  const child = startBuilt("storefront/dist/server.js", {
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    PORT: String(port),
    ROUTER_URL: platform.routerUrl.replace(/\/graphql$/, ""),
    IDENTITY_URL: platform.subgraphUrls.identity.replace(/\/graphql$/, ""),
    // Plain http on loopback: a Secure cookie would never be sent back.
    COOKIE_SECURE: "false",
  });
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(`${url}/ready`);
  return { url, close: () => stop(child) };
}
