// Shape limits on the parsed document, checked BEFORE validation (which recurses through
// fragments): fragment cycles, depth, aliases, root fields and directives. Every walk is
// iterative or memoised per fragment, so its work is linear in the document's size however
// the fragments nest or fan out.
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from "graphql";
import { Kind } from "../graphql-runtime.js";
import { RequestError } from "../request/request-error.js";
import type { OperationLimits } from "./protection-config.js";
import { limitExceeded } from "./rejections.js";

export function checkDocumentLimits(document: DocumentNode, limits: OperationLimits): void {
  const fragments = fragmentsByName(document);
  const order = fragmentsInDependencyOrder(fragments);
  checkAliasesAndDirectives(document, limits);
  const fragmentDepth = new Map<string, number>();
  for (const name of order) fragmentDepth.set(name, selectionDepth(fragments.get(name)!.selectionSet, fragmentDepth));
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const depth = selectionDepth(definition.selectionSet, fragmentDepth);
    if (depth > limits.maxDepth)
      throw limitExceeded(
        "MAX_DEPTH_EXCEEDED",
        "maxDepth",
        limits.maxDepth,
        depth,
        `Operation depth ${depth} exceeds the limit of ${limits.maxDepth}`,
      );
    const rootFields = countRootFields(definition.selectionSet, fragments);
    if (rootFields > limits.maxRootFields)
      throw limitExceeded(
        "MAX_ROOT_FIELDS_EXCEEDED",
        "maxRootFields",
        limits.maxRootFields,
        rootFields,
        `Operation selects ${rootFields} root fields; the limit is ${limits.maxRootFields}`,
      );
  }
}

export function fragmentsByName(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** Names of the fragments a selection set spreads directly (through inline fragments too). */
function spreadsIn(selectionSet: SelectionSetNode, includeNested: boolean): string[] {
  const names: string[] = [];
  const stack = [selectionSet];
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push(selection.selectionSet);
      else if (includeNested && selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  return names;
}

/** Fragments ordered so each comes after the ones it spreads; a cycle is a 400 FRAGMENT_CYCLE. */
export function fragmentsInDependencyOrder(fragments: Map<string, FragmentDefinitionNode>): string[] {
  const state = new Map<string, "visiting" | "done">();
  const order: string[] = [];
  for (const start of fragments.keys()) {
    if (state.has(start)) continue;
    // Iterative DFS: [name, its spreads, next index].
    const stack: Array<[string, string[], number]> = [[start, spreadsIn(fragments.get(start)!.selectionSet, true), 0]];
    state.set(start, "visiting");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const next = frame[1][frame[2]++];
      if (next === undefined) {
        state.set(frame[0], "done");
        order.push(frame[0]);
        stack.pop();
        continue;
      }
      const fragment = fragments.get(next);
      if (!fragment) continue; // unknown fragment: validation reports it
      if (state.get(next) === "visiting")
        throw new RequestError(
          400,
          "FRAGMENT_CYCLE",
          `Fragment "${next}" spreads itself (cycle through "${frame[0]}")`,
        );
      if (state.get(next) === "done") continue;
      state.set(next, "visiting");
      stack.push([next, spreadsIn(fragment.selectionSet, true), 0]);
    }
  }
  return order;
}

/** `{ a }` is 1, `{ a { b } }` is 2; a spread adds its fragment's (already computed) depth. */
function selectionDepth(selectionSet: SelectionSetNode, fragmentDepth: ReadonlyMap<string, number>): number {
  let max = 0;
  const stack: Array<[SelectionSetNode, number]> = [[selectionSet, 0]];
  while (stack.length > 0) {
    const [set, depth] = stack.pop()!;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        max = Math.max(max, depth + 1);
        if (selection.selectionSet) stack.push([selection.selectionSet, depth + 1]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push([selection.selectionSet, depth]);
      else max = Math.max(max, depth + (fragmentDepth.get(selection.name.value) ?? 0));
    }
  }
  return max;
}

/** Root fields of an operation, through inline fragments and spreads (each fragment once). */
function countRootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  let count = 0;
  const seen = new Set<string>();
  const stack = [selectionSet];
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FIELD) count++;
      else if (selection.kind === Kind.INLINE_FRAGMENT) stack.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) stack.push(fragment.selectionSet);
      }
    }
  }
  return count;
}

/** Aliases and directives as written in the document (a flat walk over every selection set). */
function checkAliasesAndDirectives(document: DocumentNode, limits: OperationLimits): void {
  let aliases = 0;
  let directives = 0;
  const stack: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      directives += definition.directives?.length ?? 0;
      stack.push(definition.selectionSet);
    }
  }
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      const count = selection.directives?.length ?? 0;
      directives += count;
      if (count > limits.maxDirectivesPerField)
        throw limitExceeded(
          "MAX_DIRECTIVES_EXCEEDED",
          "maxDirectivesPerField",
          limits.maxDirectivesPerField,
          count,
          `A selection carries ${count} directives; the limit is ${limits.maxDirectivesPerField}`,
        );
      if (selection.kind === Kind.FIELD && selection.alias) aliases++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  if (aliases > limits.maxAliases)
    throw limitExceeded(
      "MAX_ALIASES_EXCEEDED",
      "maxAliases",
      limits.maxAliases,
      aliases,
      `Document uses ${aliases} aliases; the limit is ${limits.maxAliases}`,
    );
  if (directives > limits.maxDirectives)
    throw limitExceeded(
      "MAX_DIRECTIVES_EXCEEDED",
      "maxDirectives",
      limits.maxDirectives,
      directives,
      `Document uses ${directives} directives; the limit is ${limits.maxDirectives}`,
    );
}
