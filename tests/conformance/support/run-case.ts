// Sends one audit case to a gateway and judges the answer exactly as the harness does
// (federation-gateway-audit/src/test.ts, which cannot be imported: it runs node:test cases from
// environment variables at import). Same request (POST JSON, 10 s timeout), same normalisation:
// `data` is deep-compared; `errors` only as "present or not", and only when the case says whether
// it expects errors. Same diff (jest-diff, expected vs received). test.ts's retry loop re-compares
// the same response, so it cannot change a verdict and is left out.
import { deepStrictEqual } from "node:assert";
import { diff } from "jest-diff";
import type { AuditCase } from "./audit-harness.js";

export interface CaseResult {
  id: string;
  passed: boolean;
  /** When failed: the query and the diff (or why there was no answer). */
  detail?: string;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: unknown[];
}

export async function runAuditCase(
  graphqlUrl: string,
  id: string,
  { query, expected }: AuditCase,
): Promise<CaseResult> {
  let response: GraphQLAnswer;
  try {
    const reply = await fetch(graphqlUrl, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(10_000),
    });
    response = (await reply.json()) as GraphQLAnswer;
  } catch (error) {
    return { id, passed: false, detail: `${query}\nno GraphQL answer: ${(error as Error).message}` };
  }

  const errorsOptional = typeof expected.errors !== "boolean";
  const received = {
    data: response.data ?? null,
    errors: errorsOptional ? null : Boolean(response.errors?.length),
  };
  const wanted = {
    data: expected.data ?? null,
    errors: errorsOptional ? null : (expected.errors ?? false),
  };
  try {
    deepStrictEqual(received, wanted);
    return { id, passed: true };
  } catch {
    const errors = response.errors?.length ? `\nerrors: ${JSON.stringify(response.errors)}` : "";
    return { id, passed: false, detail: `${query.trim()}\n${diff(wanted, received)}${errors}` };
  }
}
