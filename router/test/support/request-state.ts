// A RequestState already read and prepared, for tests of the later stages.

import { prepareOperation } from "../../src/pipeline/prepare-operation.js";
import { RequestState } from "../../src/pipeline/request-state.js";
import type { Protection } from "../../src/protection/protection.js";
import { defaultLimits } from "../../src/protection/protection-config.js";
import type { HttpInput } from "../../src/request/graphql-request.js";
import type { SchemaVersion } from "../../src/supergraph/schema-version.js";

const limitsOnly = { limits: defaultLimits } as Protection;

export function preparedState(
  version: SchemaVersion,
  query: string,
  input: Partial<HttpInput> = {},
  { variables, development = false }: { variables?: Record<string, unknown>; development?: boolean } = {},
): RequestState {
  const state = new RequestState("req-1", version, {
    method: "POST",
    search: new URLSearchParams(),
    body: undefined,
    ...input,
  });
  state.request = { query, variables, trusted: false };
  prepareOperation(state, { development, protection: limitsOnly });
  return state;
}
