// Same-origin paths the browser calls, forwarded to the router or the identity service (so the
// app needs no CORS and the cookie never leaves this origin). Streams both ways.
import http from "node:http";
import { pipeline } from "node:stream/promises";

const hopByHop = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "host",
  "cookie",
  "te",
  "trailer",
]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function forward(req: http.IncomingMessage, res: http.ServerResponse, target: URL): Promise<void> {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) if (!hopByHop.has(name)) headers[name] = value;
  const client = req.socket.remoteAddress ?? "";
  headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${client}` : client;
  return new Promise((resolve) => {
    const upstream = http.request(target, { method: req.method, headers, agent }, (answer) => {
      const out: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!hopByHop.has(name)) out[name] = value;
      res.writeHead(answer.statusCode ?? 502, out);
      pipeline(answer, res).then(resolve, resolve);
    });
    upstream.on("error", () => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            errors: [{ message: "The shop is temporarily unavailable.", extensions: { code: "BAD_GATEWAY" } }],
          }),
        );
      } else res.destroy();
      resolve();
    });
    pipeline(req, upstream).catch(() => upstream.destroy());
  });
}
