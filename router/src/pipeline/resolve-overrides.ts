// Step: decide which progressive @override labels (e.g. "percent(25)") are on for this request.
// Empty for now (every labelled field stays on its `from` subgraph); a later issue decides them
// per request from a rollout file, sticky per user. Labels left out count as false.
import type { RouterContext } from "./router-context.js";

export type OverrideConditions = ReadonlyMap<string, boolean>;

const none: OverrideConditions = new Map();

export function resolveOverrides(_context: RouterContext): OverrideConditions {
  return none;
}
