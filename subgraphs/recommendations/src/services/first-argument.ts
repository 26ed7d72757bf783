import { badUserInput } from "@shopstream/kernel";
import { MAX_LIST_LENGTH } from "./ranking.js";

/** `first` of every list field: 0..MAX_LIST_LENGTH, anything else is the caller's mistake. */
export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_LIST_LENGTH)
    throw badUserInput(`first must be between 0 and ${MAX_LIST_LENGTH}`, { field: "first" });
  return first;
}
