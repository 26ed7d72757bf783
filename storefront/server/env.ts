// The storefront server's environment (validated once; every bad variable named at start).
import { existsSync } from "node:fs";
import path from "node:path";
import { portEnv, serviceEnv } from "@shopstream/kernel";
import { z } from "zod";

/** dist/public next to the built server (dist/server.js), or seen from server/ when run with tsx. */
const builtApp = [path.resolve(import.meta.dirname, "public"), path.resolve(import.meta.dirname, "../dist/public")];

export const storefrontEnvShape = {
  ...serviceEnv,
  ...portEnv(3000),
  /** The router the app's GraphQL requests go to (same origin for the browser: /graphql). */
  ROUTER_URL: z.url().default("http://127.0.0.1:4000"),
  /** The identity service: its sign-in page (/oauth/authorize) and token endpoint. */
  IDENTITY_URL: z.url().default("http://127.0.0.1:4001"),
  /** The built app (vite build). */
  STATIC_DIR: z.string().default(builtApp.find((dir) => existsSync(dir)) ?? builtApp[0]!),
  /** Mark the refresh cookie Secure (HTTPS only); on unless NODE_ENV is development or test. */
  COOKIE_SECURE: z.stringbool().optional(),
};

export type StorefrontEnv = z.infer<z.ZodObject<typeof storefrontEnvShape>>;
