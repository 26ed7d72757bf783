// The built app: hashed assets cached for a year, index.html never cached; any other path is a
// client-side route and gets index.html.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type http from "node:http";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const isFile = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

export function staticFiles(root: string) {
  const index = path.join(root, "index.html");
  return async function serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const requested = path.join(root, path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ""));
    const file = requested.startsWith(root) && (await isFile(requested)) ? requested : index;
    if (file === index && !(await isFile(index))) {
      res.writeHead(503, { "content-type": "text/plain" });
      return res.end("The storefront is not built: run npm run build");
    }
    res.writeHead(200, {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
      "cache-control": file.includes(`${path.sep}assets${path.sep}`)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      "x-content-type-options": "nosniff",
      ...(file === index ? { "x-frame-options": "DENY", "referrer-policy": "same-origin" } : {}),
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  };
}
