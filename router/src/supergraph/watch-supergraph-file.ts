// Hot reload: watches the supergraph file's directory (editors and `schema:compose` replace the
// file by rename, which a watch on the file itself would miss) and hands over new content.
// A Kubernetes ConfigMap volume swaps its `..data` symlink instead, so that name counts too.
// Events are debounced; unchanged content is ignored by the caller.
import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export function watchSupergraphFile(file: string, onContent: (sdl: string) => void, debounceMs = 50): () => void {
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(path.dirname(file), (_event, changed) => {
    if (changed !== null && changed !== name && changed !== "..data") return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      readFile(file, "utf8").then(onContent, () => undefined); // deleted mid-swap: the next event brings it back
    }, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
