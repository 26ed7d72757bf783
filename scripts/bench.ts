// `npm run bench [filter]`: brings the stack up, then runs benchmarks one after another, so they
// never share the cores. No filter: the storefront suite (bench/scenarios/*.bench.ts, every gateway
// side by side, < 15 min). `all`: every workspace micro bench (packages/*, subgraphs/*, router
// `bench/*.bench.ts`) and the suite. Any other filter: the files whose path contains it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const filter = process.argv[2];
const workspaces = ["packages", "subgraphs"]
  .flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => path.join(dir, name)))
  .concat("router");
const benches = workspaces
  .map((workspace) => path.join(root, workspace, "bench"))
  .concat(path.join(root, "bench/scenarios")) // the storefront suite: all gateways side by side
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith(".bench.ts"))
      .map((file) => path.join(dir, file)),
  )
  .filter((file) =>
    !filter
      ? file.includes(`${path.sep}bench${path.sep}scenarios${path.sep}`)
      : filter === "all" || file.includes(filter),
  );

if (benches.length === 0) {
  console.error(`[bench] no benchmark matches "${filter ?? ""}"`);
  process.exit(1);
}
const stack = spawnSync("bash", [path.join(root, "scripts/stack"), "up"], { stdio: "inherit" });
if (stack.status !== 0) process.exit(stack.status ?? 1);
spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/db.ts"), "migrate"], {
  stdio: "inherit",
});

let failed = 0;
for (const bench of benches) {
  console.log(`\n[bench] ${path.relative(root, bench)}`);
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), [bench], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
