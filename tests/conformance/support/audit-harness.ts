// The vendored federation-gateway-audit harness (../federation-gateway-audit, see its README):
// its fets router serves every suite's subgraphs, composed supergraph and test cases. We listen
// on 127.0.0.1 with an OS-assigned port instead of calling its `serve(port)`, which binds every
// interface on a fixed port and installs SIGINT/SIGTERM handlers in the vitest worker; the routes
// are the same ones `serve` and the harness CLI use.
//
// The harness is imported through a computed specifier so that `tsc` (root tsconfig, which
// excludes the vendored folder) does not type-check upstream code under this repo's stricter
// options; the few functions used are typed here.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One case as the harness serves it at /<suite>/tests (src/testkit.ts `createTest`). */
export interface AuditCase {
  query: string;
  expected: { data?: unknown; errors?: boolean };
}

interface HarnessIndex {
  createRouter(): http.RequestListener;
}

interface HarnessTestkit {
  fetchTests(endpoint: string): Promise<AuditCase[]>;
}

const harnessSrc = new URL("../federation-gateway-audit/src/", import.meta.url);
const load = <T>(file: string): Promise<T> => import(new URL(file, harnessSrc).href) as Promise<T>;

export interface AuditHarness {
  url: string;
  /** Suite ids, sorted as the harness runs them. */
  suiteIds(): Promise<string[]>;
  supergraph(suite: string): Promise<string>;
  cases(suite: string): Promise<AuditCase[]>;
  close(): Promise<void>;
}

export async function startAuditHarness(): Promise<AuditHarness> {
  const [{ createRouter }, { fetchTests }] = await Promise.all([
    load<HarnessIndex>("index.ts"),
    load<HarnessTestkit>("testkit.ts"),
  ]);
  const server = http.createServer(createRouter());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const getText = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`harness GET ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.text();
  };
  return {
    url,
    suiteIds: async () => JSON.parse(await getText("/ids")) as string[],
    supergraph: (suite) => getText(`/${suite}/supergraph`),
    cases: (suite) => fetchTests(`${url}/${suite}/tests`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
