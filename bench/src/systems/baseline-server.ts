// The limit baseline (child process): a bare node:http server that answers each operation with
// the response bytes a gateway gave for it (recorded by the bench), doing no GraphQL work at all.
// What the load generator and the HTTP stack alone cost on this machine. Env: PORT, RESPONSES_PATH
// (JSON object: operationName → response text).

import { readFileSync } from "node:fs";
import http from "node:http";

const responses = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(process.env.RESPONSES_PATH!, "utf8")) as Record<string, string>).map(
    ([name, text]) => [name, Buffer.from(text)],
  ),
);
const fallback = Buffer.from('{"data":{"__typename":"Query"}}');

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const name = /"operationName":"(\w+)"/.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "";
    const answer = responses.get(name) ?? fallback;
    res.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
    res.end(answer);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
