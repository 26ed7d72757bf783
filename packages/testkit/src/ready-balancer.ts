// What a Kubernetes Service does for a rolling restart, in a test: requests go round-robin to the
// ready backends. GET /ready is probed every probeMs; a backend becomes ready on one 2xx answer
// and stops being ready after `failureThreshold` failed probes in a row (2, as in the Helm chart),
// so one slow probe on a busy machine does not pull it; a draining or stopped backend gets none.
// No retries: a request that a backend drops fails, as it would in a cluster. WebSocket upgrades
// are proxied like requests. A backend being stopped is `remove`d first, as Kubernetes takes a
// terminating pod out of its Service's endpoints before the pod gets SIGTERM: the probes alone
// pull it only as fast as this (busy) test process's timers fire. A backend must still keep
// serving while draining for at least `pullWithinMs` (as SHUTDOWN_DRAIN_MS must exceed the
// chart's period × threshold + timeout) for the requests already on their way to it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

export interface ReadyBalancer {
  url: string;
  /** Stops routing to a backend (a base URL such as http://127.0.0.1:4002) at once. */
  remove(backend: string): void;
  /** Adds a backend (again); it is routed to from its first ready probe on. */
  add(backend: string): void;
  /** The longest a draining backend may still get requests: the wait for the next round, then
   * `failureThreshold` rounds whose probes each time out. */
  pullWithinMs: number;
  /** Backends ready at the last probe. */
  ready(): string[];
  close(): Promise<void>;
}

export async function startReadyBalancer(
  backends: string[],
  probeMs = 200,
  failureThreshold = 2,
): Promise<ReadyBalancer> {
  let all = [...backends];
  const ready = new Set<string>();
  const failures = new Map<string, number>();
  let next = 0;
  const probeTimeoutMs = probeMs * 5;
  const agent = new http.Agent({ keepAlive: true });
  const probe = async () => {
    await Promise.all(
      all.map(async (backend) => {
        let ok = false;
        try {
          const response = await fetch(`${backend}/ready`, { signal: AbortSignal.timeout(probeTimeoutMs) });
          await response.body?.cancel();
          ok = response.ok;
        } catch {
          // down, or slower than the probe timeout
        }
        if (!all.includes(backend)) return; // removed while probed
        const failed = ok ? 0 : (failures.get(backend) ?? 0) + 1;
        failures.set(backend, failed);
        if (ok) ready.add(backend);
        else if (failed >= failureThreshold) ready.delete(backend);
      }),
    );
  };
  await probe();
  let closed = false;
  // One probe round at a time (a slow round must not overlap the next and double-count failures).
  const probing = (async () => {
    while (!closed) {
      await new Promise((resolve) => setTimeout(resolve, probeMs));
      await probe();
    }
  })();

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
  // WebSocket upgrades (the router's subscriptions to a subgraph) go to a ready backend too, and
  // the two sockets are then spliced, as a Service's proxy does for any TCP connection.
  const spliced = new Set<Duplex>();
  server.on("upgrade", (req, socket, head) => {
    const candidates = all.filter((backend) => ready.has(backend));
    if (candidates.length === 0) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n");
      return;
    }
    const target = new URL(req.url ?? "/", candidates[next++ % candidates.length]);
    const upstream = http.request(target, { method: req.method, headers: req.headers });
    upstream.on("upgrade", (answer, backendSocket, backendHead) => {
      const headerLines = Object.entries(answer.headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}\r\n`),
      );
      socket.write(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n${headerLines.join("")}\r\n`);
      if (backendHead.length > 0) socket.write(backendHead);
      if (head.length > 0) backendSocket.write(head);
      backendSocket.pipe(socket).pipe(backendSocket);
      spliced.add(socket);
      socket.on("close", () => spliced.delete(socket));
      backendSocket.on("error", () => socket.destroy());
      socket.on("error", () => backendSocket.destroy());
      backendSocket.on("close", () => socket.destroy());
      socket.on("close", () => backendSocket.destroy());
    });
    upstream.on("response", (answer) => {
      socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nconnection: close\r\n\r\n`);
      answer.resume();
    });
    upstream.on("error", () => socket.end("HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n"));
    upstream.end();
  });
  server.keepAliveTimeout = 65_000; // as the services: idle client connections outlive the clients' pools
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    pullWithinMs: probeMs + failureThreshold * (probeMs + probeTimeoutMs),
    remove(backend) {
      all = all.filter((known) => known !== backend);
      ready.delete(backend);
      failures.delete(backend);
    },
    add(backend) {
      if (!all.includes(backend)) all = [...all, backend];
    },
    ready: () => all.filter((backend) => ready.has(backend)),
    async close() {
      closed = true;
      await probing;
      agent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of spliced) socket.destroy();
      });
    },
  };
}
