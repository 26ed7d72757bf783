// Compiles one workspace's process entry points to plain JavaScript (its `build` script, run for
// every workspace by `npm run build`): one ES-module bundle per entry under the workspace's dist/,
// with the workspace packages (@shopstream/*) compiled in and every npm dependency left to
// node_modules, so production runs `node dist/<entry>.js` on an `npm ci --omit=dev` install.
// Usage (from the workspace): tsx ../../scripts/build.ts src/server.ts src/seed.ts ...
// The root builds scripts/db.ts (migrations, seeds) into dist/db.js the same way.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const workspace = process.cwd();
const outdir = path.join(workspace, "dist");
const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: tsx scripts/build.ts <entry.ts>... (run from the workspace)");
  process.exit(64);
}

/** Keeps npm packages and Prisma's generated clients (which load their WASM next to themselves)
 * out of the bundle. A package import stays bare when Node resolves it from dist/ to the same file
 * as from the importing source file; where a workspace has its own version (a nested
 * node_modules), the import points at that file instead, so the bundle loads what the source did. */
const externals: Plugin = {
  name: "externals",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@shopstream/") || args.pluginData === "probe") return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const probe = (resolveDir: string) =>
        builder.resolve(args.path, { kind: args.kind, resolveDir, pluginData: "probe" });
      const [fromSource, fromDist] = await Promise.all([probe(args.resolveDir), probe(outdir)]);
      if (fromSource.errors.length > 0 || fromSource.path === fromDist.path) return { path: args.path, external: true };
      return { path: `./${path.relative(outdir, fromSource.path)}`, external: true };
    });
    builder.onResolve({ filter: /generated\/client/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      return { path: `./${path.relative(outdir, target)}`, external: true };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir); // the externals plugin resolves from here
await build({
  absWorkingDir: workspace,
  entryPoints: entries.map((entry) => ({ in: entry, out: path.basename(entry, ".ts") })),
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  conditions: [], // as Node resolves packages: no bundler-only "module" condition
  sourcemap: true,
  // Bundled CommonJS-style code may still call require().
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  plugins: [externals],
  logLevel: "warning",
});
// SDL read at run time next to the code (new URL("./schema.graphql", import.meta.url)).
const src = path.join(workspace, "src");
for (const file of existsSync(src) ? readdirSync(src).filter((name) => name.endsWith(".graphql")) : [])
  copyFileSync(path.join(src, file), path.join(outdir, file));
console.log(
  `[build] ${path.relative(root, workspace) || "root"}: ${entries.length} entr${entries.length === 1 ? "y" : "ies"} → dist/`,
);
