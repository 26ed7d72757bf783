// readBody: an oversized body is answered 413 that the client can read (the rest is drained, not
// reset), and the drain is bounded in bytes and time.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBody, sendJson } from "../src/graphql/http-io.js";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const body = await readBody(req, 1_000, { maxBytes: 2_000_000, maxMs: 1_000 });
    if (body === null)
      return sendJson(res, 413, { errors: [{ message: "too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    sendJson(res, 200, { length: body.length });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Outcome {
  /** The status the client read, or its socket error. */
  status: number | string;
  /** When the connection was closed, from the first byte sent. */
  closedAfterMs: number;
  /** Chunks written before the server closed the connection. */
  sent: number;
}

/**
 * Sends `chunks` over a raw socket (chunked unless a content-length is given) without ever
 * stopping to read: like a client that uploads regardless of the answer, until done or the
 * server closes the connection.
 */
function post(chunks: Buffer[], contentLength?: number, pauseMs = 0): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    let received = "";
    let sent = 0;
    const socket = net.connect(port, "127.0.0.1");
    const framing = contentLength === undefined ? "transfer-encoding: chunked" : `content-length: ${contentLength}`;
    socket.write(`POST / HTTP/1.1\r\nhost: 127.0.0.1\r\n${framing}\r\n\r\n`);
    socket.on("data", (data) => {
      received += data.toString("latin1");
    });
    socket.on("error", () => undefined); // EPIPE/ECONNRESET once the server has closed
    socket.on("close", () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve({ status: status ? Number(status) : "no answer", closedAfterMs: Date.now() - started, sent });
    });
    const next = () => {
      if (socket.destroyed || socket.writableEnded) return;
      if (sent === chunks.length) {
        if (contentLength === undefined) socket.write("0\r\n\r\n");
        setTimeout(() => socket.end(), 200);
        return;
      }
      const chunk = chunks[sent++] as Buffer;
      const framed =
        contentLength === undefined
          ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
          : chunk;
      socket.write(framed, () => (pauseMs ? setTimeout(next, pauseMs) : setImmediate(next)));
    };
    next();
  });
}

const megabyte = Buffer.alloc(1024 * 1024, "a");

describe("readBody", () => {
  it("reads a body within the limit", async () => {
    expect((await post([Buffer.from("x".repeat(900))], 900)).status).toBe(200);
  });

  it("answers 413 to a declared oversized body the client then sends whole", async () => {
    const outcome = await post([megabyte], megabyte.length);
    expect(outcome).toMatchObject({ status: 413, sent: 1 });
  });

  it("answers 413 to an oversized chunked body the client can read while still sending", async () => {
    const outcome = await post([megabyte, megabyte]);
    expect(outcome).toMatchObject({ status: 413, sent: 2 });
  });

  it("closes the connection of a client that sends past the drain's byte bound", async () => {
    // 8 MB against a 2 MB drain budget: the server stops reading long before the end.
    // Past the bound the connection is cut (the 413 may be lost to the reset): that client asked for it.
    const outcome = await post(Array.from({ length: 8 }, () => megabyte));
    expect(outcome.sent).toBeLessThan(8);
  });

  it("closes the connection of a client that sends past the drain's time bound", async () => {
    // 20 chunks 200 ms apart (4 s) against a 1 s drain: closed after about 1 s.
    const outcome = await post(
      Array.from({ length: 20 }, () => Buffer.alloc(2_000, "a")),
      undefined,
      200,
    );
    expect(outcome.status).toBe(413);
    expect(outcome.sent).toBeLessThan(20);
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(outcome.closedAfterMs).toBeLessThan(3_000);
  });
});
