// A pass-through HTTP proxy in front of a real subgraph that records every request it forwards,
// so a test can prove what reached the subgraph (or that nothing did), with which headers, and
// how many fetches (and `_entities` representations) the router made.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The GraphQL query text, when the body is GraphQL JSON. */
  query: string;
  /** Representations in an `_entities` fetch (0 otherwise). */
  representations: number;
}

export interface CountingProxy {
  url: string;
  /** Every request since start (or the last reset). */
  requests: RecordedRequest[];
  /** Requests whose body mentions `text` (e.g. a field name or an id). */
  matching(text: string): RecordedRequest[];
  /** Requests since the last reset; `entities` only counts `_entities` fetches, `root` the others. */
  count(kind?: "all" | "entities" | "root"): number;
  reset(): void;
  close(): Promise<void>;
}

const hopHeaders = new Set(["host", "connection", "content-length"]);

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({ path: req.url ?? "/", headers: req.headers, body, ...graphqlOf(body) });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string" && !hopHeaders.has(name)) headers[name] = value;
    try {
      const upstream = await fetch(new URL(req.url ?? "/", target), {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      res.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    requests,
    matching: (text) => requests.filter((request) => request.body.includes(text)),
    count: (kind = "all") =>
      requests.filter((request) => kind === "all" || (kind === "entities") === request.query.includes("_entities"))
        .length,
    reset: () => void requests.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function graphqlOf(body: string): { query: string; representations: number } {
  try {
    const parsed = JSON.parse(body) as { query?: string; variables?: { representations?: unknown[] } };
    return { query: parsed.query ?? "", representations: parsed.variables?.representations?.length ?? 0 };
  } catch {
    return { query: "", representations: 0 }; // not JSON: forwarded as is
  }
}
