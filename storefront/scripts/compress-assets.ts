// After `vite build`: a brotli (.br) and a gzip (.gz) copy beside every compressible file of
// dist/public, made once per build so the server only reads them (brotli at quality 11 costs
// ~0.6 s of CPU for the app's bundle, which a server start should not pay).
// Usage: tsx scripts/compress-assets.ts [dir]   (default: dist/public)
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const compressible = new Set([".html", ".js", ".css", ".json", ".svg"]);

export function compressAssets(root: string): number {
  let written = 0;
  for (const entry of readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, entry);
    if (!compressible.has(path.extname(file)) || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    if (content.length <= 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    written += 1;
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../dist/public"));
  console.log(
    `[storefront] compressed ${compressAssets(root)} files in ${path.relative(process.cwd(), root)} (.br, .gz)`,
  );
}
