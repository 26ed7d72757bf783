// Hot reload sees the ways a supergraph file gets replaced: a rename over it (schema:compose,
// editors) and a Kubernetes ConfigMap volume's atomic swap of its `..data` symlink.
import { mkdir, mkdtemp, rename, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { waitFor } from "@shopstream/kernel/testing";
import { afterEach, describe, expect, it } from "vitest";
import { watchSupergraphFile } from "../src/supergraph/watch-supergraph-file.js";

let stopWatching: (() => void) | undefined;
afterEach(() => stopWatching?.());

function watch(file: string): string[] {
  const seen: string[] = [];
  stopWatching = watchSupergraphFile(file, (sdl) => seen.push(sdl), 10);
  return seen;
}

describe("watchSupergraphFile", () => {
  it("hands over the content written by a rename over the file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "watch-"));
    const file = path.join(dir, "supergraph.graphql");
    await writeFile(file, "v1");
    const seen = watch(file);
    await writeFile(`${file}.tmp`, "v2");
    await rename(`${file}.tmp`, file);
    await waitFor(() => seen.includes("v2"), { what: "the renamed file's content" });
  });

  it("hands over the content of a ConfigMap update (the ..data symlink swapped)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "configmap-"));
    const version = async (name: string, content: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "supergraph.graphql"), content);
    };
    // The kubelet's layout: supergraph.graphql → ..data/supergraph.graphql, ..data → ..<timestamp>.
    await version("..v1", "v1");
    await symlink("..v1", path.join(dir, "..data"));
    await symlink("..data/supergraph.graphql", path.join(dir, "supergraph.graphql"));
    const seen = watch(path.join(dir, "supergraph.graphql"));
    await version("..v2", "v2");
    await symlink("..v2", path.join(dir, "..data_tmp"));
    await rename(path.join(dir, "..data_tmp"), path.join(dir, "..data"));
    await waitFor(() => seen.includes("v2"), { what: "the swapped ConfigMap's content" });
    expect(seen.at(-1)).toBe("v2");
  });
});
