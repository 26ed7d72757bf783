// An empty plan for an operation that selects root fields (Apollo's planner returns one when it
// finds no subgraph able to resolve a field: audit case non-resolvable-interface-object): executed,
// it answers null without an error. Introspection and __typename need no plan, and neither does a
// field excluded by a constant @skip/@include.
import type { QueryPlan } from "@apollo/query-planner";
import type { DirectiveNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from "graphql";

export function unplannedRootFields(
  plan: QueryPlan,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): string | undefined {
  if (plan.node) return undefined;
  const field = firstPlannableField(operation.selectionSet, fragments);
  return field ? `the planner found no subgraph to resolve "${field}"` : undefined;
}

function firstPlannableField(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): string | undefined {
  for (const selection of selectionSet.selections) {
    if (constantlyExcluded(selection.directives)) continue;
    if (selection.kind === "Field") {
      if (!selection.name.value.startsWith("__")) return selection.name.value;
      continue;
    }
    const fragment = selection.kind === "InlineFragment" ? selection : fragments[selection.name.value];
    const found = fragment && firstPlannableField(fragment.selectionSet, fragments);
    if (found) return found;
  }
  return undefined;
}

function constantlyExcluded(directives: readonly DirectiveNode[] | undefined): boolean {
  return (directives ?? []).some((directive) => {
    const condition = directive.arguments?.find((argument) => argument.name.value === "if")?.value;
    if (condition?.kind !== "BooleanValue") return false;
    return directive.name.value === "skip" ? condition.value : directive.name.value === "include" && !condition.value;
  });
}
