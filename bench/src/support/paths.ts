// Where things are: the repo root (children run from it) and the bench results folder.
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../../..");
export const resultsDir = path.join(root, "bench/results");
export const tsx = path.join(root, "node_modules/.bin/tsx");
