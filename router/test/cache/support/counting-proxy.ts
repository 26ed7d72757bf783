// A plain HTTP proxy in front of a real subgraph that records every GraphQL request passing
// through, so tests can count the subgraph fetches the router actually made.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  query: string;
  representations: number;
}

export async function startCountingProxy(target: string) {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      try {
        const parsed = JSON.parse(body) as { query?: string; variables?: { representations?: unknown[] } };
        seen.push({ query: parsed.query ?? "", representations: parsed.variables?.representations?.length ?? 0 });
      } catch {
        // not JSON: forwarded as is
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string" && name !== "host" && name !== "content-length") headers[name] = value;
      try {
        const response = await fetch(target, {
          method: req.method,
          headers,
          body: req.method === "POST" ? body : undefined,
        });
        const text = await response.text();
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
        res.end(text);
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    reset: () => void seen.splice(0),
    /** Requests seen since the last reset; `entities` only counts `_entities` fetches. */
    count: (kind: "all" | "entities" | "root" = "all") =>
      seen.filter((r) => kind === "all" || (kind === "entities") === r.query.includes("_entities")).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
