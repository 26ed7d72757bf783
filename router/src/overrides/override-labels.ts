// Which progressive-@override labels an operation touches. The supergraph records a label on the
// field's @join__field (`overrideLabel`); only labels of fields the operation selects matter, so
// an operation that never reads a migrating field keeps one plan and no bucketing work.
import type { Supergraph } from "@apollo/federation-internals";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  FragmentSpreadNode,
  GraphQLAbstractType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  InlineFragmentNode,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from "graphql";

/** "Type.field" → labels of the @override directives on it. */
export type LabelsByField = ReadonlyMap<string, readonly string[]>;

export function overrideLabelsByField(supergraph: Supergraph): LabelsByField {
  const labels = new Map<string, string[]>();
  for (const type of supergraph.schema.types()) {
    if (type.kind !== "ObjectType" && type.kind !== "InterfaceType") continue;
    for (const field of type.fields()) {
      for (const directive of field.appliedDirectivesOf("join__field")) {
        const label = (directive.arguments() as { overrideLabel?: string }).overrideLabel;
        if (!label) continue;
        const coordinate = `${type.name}.${field.name}`;
        const list = labels.get(coordinate) ?? [];
        if (!list.includes(label)) list.push(label);
        labels.set(coordinate, list);
      }
    }
  }
  return labels;
}

const namedType = (type: GraphQLOutputType): GraphQLNamedType =>
  "ofType" in type ? namedType(type.ofType as GraphQLOutputType) : type;

/** Sorted labels touched by the selected operation of a validated document. */
export function labelsTouched(
  schema: GraphQLSchema,
  labels: LabelsByField,
  document: DocumentNode,
  operationName: string | undefined,
): string[] {
  const found = new Set<string>();
  if (labels.size === 0) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if ((definition.kind as string) === "FragmentDefinition") {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  const visitedFragments = new Set<string>();

  const walk = (type: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode): void => {
    if (!type) return;
    // On an interface or union a field may be resolved by any implementation: include theirs.
    const candidates: readonly GraphQLNamedType[] =
      type[Symbol.toStringTag] === "GraphQLObjectType"
        ? [type]
        : [type, ...schema.getPossibleTypes(type as GraphQLAbstractType)];
    for (const selection of selectionSet.selections as readonly SelectionNode[]) {
      const kind: string = selection.kind;
      if (kind === "Field") {
        const { name, selectionSet: inner } = selection as FieldNode;
        for (const candidate of candidates)
          for (const label of labels.get(`${candidate.name}.${name.value}`) ?? []) found.add(label);
        const field = "getFields" in type ? type.getFields()[name.value] : undefined;
        if (field && inner) walk(namedType(field.type as GraphQLOutputType), inner);
      } else if (kind === "InlineFragment") {
        const fragment = selection as InlineFragmentNode;
        walk(fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type, fragment.selectionSet);
      } else if (kind === "FragmentSpread") {
        const fragment = fragments.get((selection as FragmentSpreadNode).name.value);
        if (!fragment || visitedFragments.has(fragment.name.value)) continue;
        visitedFragments.add(fragment.name.value);
        walk(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet);
      }
    }
  };

  for (const definition of document.definitions) {
    if ((definition.kind as string) !== "OperationDefinition") continue;
    const operation = definition as OperationDefinitionNode;
    if (operationName !== undefined && operation.name?.value !== operationName) continue;
    walk(schema.getRootType(operation.operation), operation.selectionSet);
  }
  return [...found].sort();
}
