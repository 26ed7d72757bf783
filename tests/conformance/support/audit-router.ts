// Our router as the audit runs it: in-process through launchRouter, the runtime `npm start`
// uses (server.ts: settings → launchRouter), with one suite's supergraph.
import { createLogger } from "@shopstream/kernel";
import {
  launchRouter,
  parseRouterSettings,
  type RouterOptions,
  type RouterSettings,
  type RunningRouter,
} from "@shopstream/router";

/** The settings of one audit run: everything the suites do not exercise is off. */
export function auditRouterSettings(supergraphSdl: string): RouterSettings {
  const options: RouterOptions = {
    supergraphSdl, // given as text: no file, nothing to watch
    watch: false,
    // development: any document runs (trusted documents are enforced only in production) and
    // introspection is allowed. The default operation limits (depth 15, cost 5000, ...) admit
    // every audit query, so they stay as production has them.
    mode: "development",
    host: "127.0.0.1",
    port: 0,
    logLevel: (process.env.AUDIT_ROUTER_LOG_LEVEL ?? "silent") as RouterOptions["logLevel"],
    // No `cache` (entity cache, Redis + Kafka invalidation), no `rollout` (progressive @override)
    // and no `protection.rateLimit`: each is off when absent.
  };
  return parseRouterSettings(options);
}

export function startAuditRouter(supergraphSdl: string): Promise<RunningRouter> {
  const settings = auditRouterSettings(supergraphSdl);
  return launchRouter(settings, createLogger("router", settings.logLevel));
}
