// A real Redis server of the test's own (redis-server on a free port), so a test can stop it
// mid-run without touching the shared stack Redis other tests use.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { waitFor } from "@shopstream/kernel/testing";
import { freePort } from "./free-port.js";

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });

export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  await waitFor(() => answersPing(port), { what: "private redis-server", timeoutMs: 10_000 });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      child = undefined;
    },
  };
}
