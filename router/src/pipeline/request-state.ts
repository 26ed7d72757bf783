// One request's state as it moves through the stages (stages.ts). Each stage reads what earlier
// stages set and adds its own part; the order in stages.ts is what makes the `!` fields safe.
import type { QueryPlan } from "@apollo/query-planner";
import type { GatewayExecutionResult } from "@apollo/server-gateway-interface";
import type { FilteredOperation, ResponsePath } from "../auth/filter-operation.js";
import type { TrustedRequest } from "../protection/trusted-documents.js";
import type { HttpInput } from "../request/graphql-request.js";
import type { RouterContext } from "../request/router-context.js";
import type { SampledLabel } from "../shadow/shadow-reads.js";
import type { SchemaVersion } from "../supergraph/schema-version.js";
import type { PreparedOperation } from "./prepare-operation.js";
import { noOverrides, type ResolvedOverrides } from "./resolve-overrides.js";

export interface Authorization {
  /** Selections removed because the caller may not see them (answered null + an error each). */
  denied: FilteredOperation["denied"];
  /** Objects left without fields by the removal (answered null). */
  emptied: ResponsePath[];
}

export class RequestState {
  /** read-request; resolve-document fills in persisted text; authorize swaps in the filtered text. */
  request!: TrustedRequest;
  /** prepare-operation; authorize swaps in the filtered document. */
  prepared!: PreparedOperation;
  /** authenticate: identity and the signed headers every subgraph fetch carries. */
  context!: RouterContext;
  authorization: Authorization = { denied: [], emptied: [] };
  overrides: ResolvedOverrides = noOverrides;
  plan!: QueryPlan;
  /** shadow-sample: labels whose other path also answers this request, after the client's answer. */
  shadowReads: readonly SampledLabel[] = [];
  /** plan: the operation uses @defer and the client reads multipart/mixed (answered in parts). */
  incremental = false;
  result!: GatewayExecutionResult;
  /** execute: a subscription's results, one per event (then `result` is unset). */
  events?: AsyncIterable<GatewayExecutionResult>;

  constructor(
    readonly requestId: string,
    /** The schema version current when the request arrived; kept to the end. */
    readonly version: SchemaVersion,
    readonly input: HttpInput,
  ) {}

  get operationName(): string | undefined {
    return this.request?.operationName;
  }
}
