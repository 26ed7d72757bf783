// A TCP port for a server a test starts in another process (a built service, PostgreSQL, Redis).
// Not `listen(0)`: that hands out a port from the kernel's ephemeral range, and between our close
// and the child's listen any outgoing connection on the machine (pg, Kafka, fetch) may take it as
// its local port — CI lost a run to exactly that (EADDRINUSE on a built catalog). So the port is
// picked below the ephemeral range and reserved with a lock file, so two test processes running
// side by side never pick the same one.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const firstPort = 20_000;
const lastPort = 32_767; // Linux's ephemeral range starts at 32768 by default.
const locks = path.join(os.tmpdir(), "shopstream-test-ports");

export function freePort(): Promise<number> {
  return freePortIn(firstPort, lastPort);
}

export async function freePortIn(firstPort: number, lastPort: number): Promise<number> {
  mkdirSync(locks, { recursive: true });
  const span = lastPort - firstPort + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = firstPort + ((start + i) % span);
    if (reserve(port) && (await canListen(port))) return port;
  }
  throw new Error(`no free TCP port in ${firstPort}-${lastPort}`);
}

/** Takes the port's lock file, or one whose owner process is gone. */
function reserve(port: number): boolean {
  const file = path.join(locks, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      if (ownerAlive(file)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

function ownerAlive(file: string): boolean {
  let owner: number;
  try {
    owner = Number(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
  if (!Number.isInteger(owner) || owner <= 0) return false;
  if (owner === process.pid) return true;
  try {
    process.kill(owner, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
