import { rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, freePortIn } from "../src/free-port.js";

const listen = (port: number) =>
  new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject).listen(port, "127.0.0.1", () => resolve(server));
  });
const close = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const release = (port: number) => rmSync(path.join(os.tmpdir(), "shopstream-test-ports", String(port)));

describe("freePort", () => {
  it("hands out distinct listenable ports below the kernel's ephemeral range", async () => {
    const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.every((port) => port >= 20_000 && port < 32_768)).toBe(true);
    await close(await listen(ports[0] as number));
  });

  it("skips a port something listens on even when nobody holds its reservation, takes one nobody does", async () => {
    const port = await freePort();
    const server = await listen(port);
    release(port);
    try {
      await expect(freePortIn(port, port)).rejects.toThrow(`no free TCP port in ${port}-${port}`);
      const idle = await freePort();
      release(idle);
      expect(await freePortIn(idle, idle)).toBe(idle);
    } finally {
      await close(server);
    }
  });
});
