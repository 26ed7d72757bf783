// What a Kubernetes Service does for a rolling restart, in a test: requests go round-robin to the
// backends whose GET /ready answered 2xx at the last probe (every probeMs, like a readiness
// probe); a backend that is draining or down gets none. No retries: a request that a backend
// drops fails, as it would in a cluster. Backends can be swapped while it runs.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReadyBalancer {
  url: string;
  /** Sets the backends (base URLs such as http://127.0.0.1:4002); new ones start not ready. */
  setBackends(backends: string[]): void;
  /** Backends ready at the last probe. */
  ready(): string[];
  close(): Promise<void>;
}

export async function startReadyBalancer(backends: string[], probeMs = 200): Promise<ReadyBalancer> {
  let all = [...backends];
  let ready = new Set<string>();
  let next = 0;
  const agent = new http.Agent({ keepAlive: true });
  const probe = async () => {
    const results = await Promise.all(
      all.map(async (backend) => {
        try {
          const response = await fetch(`${backend}/ready`, { signal: AbortSignal.timeout(probeMs * 5) });
          await response.body?.cancel();
          return response.ok ? backend : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    ready = new Set(results.filter((backend): backend is string => backend !== undefined));
  };
  await probe();
  const timer = setInterval(() => void probe(), probeMs);

  const server = http.createServer((req, res) => {
    const candidates = all.filter((backend) => ready.has(backend));
    if (candidates.length === 0) {
      res.writeHead(503, { "content-type": "text/plain" }).end("no ready backend");
      return;
    }
    const target = new URL(req.url ?? "/", candidates[next++ % candidates.length]);
    const upstream = http.request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`backend ${target.host} failed: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setBackends(backendsNow) {
      all = [...backendsNow];
    },
    ready: () => all.filter((backend) => ready.has(backend)),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
