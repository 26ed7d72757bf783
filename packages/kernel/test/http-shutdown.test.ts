// A server with clients that never stop sending on their keep-alive connections (a balancer
// under load) still closes: draining answers carry `connection: close`, and close() resolves.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpShutdown } from "../src/lifecycle/http-shutdown.js";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

async function listening(handler: http.RequestListener) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 65_000;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, agent: http.Agent) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, agent }, (res) => res.resume().on("end", () => resolve(res)))
      .on("error", reject);
  });
}

/** Clients that keep sending until told to stop; resolves with how many answers they got. */
function steadyClients(port: number, agent: http.Agent) {
  let running = true;
  const clients = Array.from({ length: 4 }, async () => {
    let answered = 0;
    while (running) {
      const ok = await get(port, agent).then(
        () => true,
        () => false,
      );
      if (ok) answered++;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return answered;
  });
  return async () => {
    running = false;
    return (await Promise.all(clients)).reduce((a, b) => a + b, 0);
  };
}

describe("httpShutdown", () => {
  it("closes a server whose keep-alive clients keep sending, without cutting an answer", async () => {
    const { server, port } = await listening((_req, res) => setTimeout(() => res.end("ok"), 10));
    const shutdown = httpShutdown(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const stop = steadyClients(port, agent);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = Date.now();
    let cut = false;
    server.on("connection", (socket) => socket.on("error", () => (cut = true)));
    await shutdown.close(30_000);
    // Without `connection: close` Node keeps serving the reused sockets and never closes (the
    // grace of 30 s would be the only way out).
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(cut).toBe(false);
    expect(await stop()).toBeGreaterThan(0);
    agent.destroy();
  });

  it("asks every client to drop its connection once draining, and answers synchronously too", async () => {
    const { server, port } = await listening((_req, res) => res.end("ok"));
    const shutdown = httpShutdown(server);
    const agent = new http.Agent({ keepAlive: true });
    expect((await get(port, agent)).headers.connection).toBe("keep-alive");
    expect(shutdown.draining).toBe(false);
    shutdown.beginDraining();
    expect(shutdown.draining).toBe(true);
    expect((await get(port, agent)).headers.connection).toBe("close");
    await shutdown.close();
    agent.destroy();
  });

  it("cuts a request that outlives the grace", async () => {
    const { server, port } = await listening(() => {}); // never answers
    const shutdown = httpShutdown(server);
    const pending = get(port, new http.Agent({ keepAlive: true })).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shutdown.close(100);
    expect(await pending).toBe("cut");
  });
});
