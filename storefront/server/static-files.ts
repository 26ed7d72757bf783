// The built app, held in memory with the brotli and gzip copies the build made beside each file
// (scripts/compress-assets.ts; a deploy's files never change): hashed assets cached for a year,
// index.html never cached; any other path is a client-side route and gets index.html.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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

interface StaticFile {
  headers: http.OutgoingHttpHeaders;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

const readIfPresent = (file: string) => (existsSync(file) ? readFileSync(file) : undefined);

function load(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  let entries: string[] = [];
  try {
    entries = readdirSync(root, { recursive: true }) as string[];
  } catch {
    return files; // not built: every request says so
  }
  for (const entry of entries) {
    const file = path.join(root, entry);
    if (/\.(br|gz)$/.test(file) || !statSync(file).isFile()) continue;
    const url = `/${entry.split(path.sep).join("/")}`;
    const extension = path.extname(file);
    const identity = readFileSync(file);
    const isIndex = url === "/index.html";
    files.set(url, {
      identity,
      headers: {
        "content-type": types[extension] ?? "application/octet-stream",
        "cache-control": url.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
        vary: "accept-encoding",
        ...(isIndex ? { "x-frame-options": "DENY", "referrer-policy": "same-origin" } : {}),
      },
      br: readIfPresent(`${file}.br`),
      gzip: readIfPresent(`${file}.gz`),
    });
  }
  return files;
}

export function staticFiles(root: string) {
  const files = load(root);
  return function serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const file = files.get(pathname) ?? files.get("/index.html");
    if (!file) {
      res.writeHead(503, { "content-type": "text/plain" });
      return res.end("The storefront is not built: run npm run build");
    }
    const accepted = String(req.headers["accept-encoding"] ?? "");
    const [encoding, body] =
      file.br && /\bbr\b/.test(accepted)
        ? ["br", file.br]
        : file.gzip && /\bgzip\b/.test(accepted)
          ? ["gzip", file.gzip]
          : [undefined, file.identity];
    res.writeHead(200, {
      ...file.headers,
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
