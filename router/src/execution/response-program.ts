// The client's operation compiled once per query plan into what shaping needs at run time: per
// selection its response name, @skip/@include condition, the field's output type unwrapped into
// steps, and leaf validators. Shaping (shape-response.ts) then never consults the schema's
// directive or field lookups per value, which is where @apollo/gateway spends its shaping time.
import {
  type CompositeType,
  type FieldSelection,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  type Operation,
  type OperationElement,
  type OutputType,
  parseSelectionSet,
  type Schema,
  type SelectionSet,
  Variable,
  type VariableDefinitions,
} from "@apollo/federation-internals";
import { clientResponseName } from "../supergraph/plan-checks/separate-from-requires.js";

/** true (skip), false (keep) or a variable name to read at run time; per directive. */
export interface SelectionCondition {
  skip?: boolean | string;
  include?: boolean | string;
}

export type OutputStep =
  | { kind: "nonNull"; of: OutputStep; type: OutputType }
  | { kind: "list"; of: OutputStep; type: OutputType }
  | { kind: "composite"; type: CompositeType }
  | { kind: "leaf"; type: OutputType; valid: (value: unknown) => boolean };

export type ProgramEntry =
  | { kind: "typename"; responseName: string; condition?: SelectionCondition }
  | { kind: "introspection"; responseName: string; condition?: SelectionCondition; selection: FieldSelection }
  | {
      kind: "field";
      responseName: string;
      /** Where the fetched value is, when the router renamed the client's field (plan-checks/). */
      fetchedName?: string;
      condition?: SelectionCondition;
      output: OutputStep;
      selections?: ProgramEntry[];
    }
  | {
      kind: "fragment";
      condition?: SelectionCondition;
      typeCondition?: CompositeType;
      /** Memo: runtime type name (or "\0" + parent type name) → does the condition apply. */
      applies: Map<string, boolean>;
      selections: ProgramEntry[];
    };

export interface ResponseProgram {
  schema: Schema;
  rootType: CompositeType;
  selections: ProgramEntry[];
  defaultedVariables: Record<string, unknown>;
}

export function compileResponseProgram(operation: Operation): ResponseProgram {
  const schema = operation.schema();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`The schema has no ${operation.rootKind} type`);
  const leafValidators = new Map<string, (value: unknown) => boolean>();
  return {
    schema,
    rootType,
    selections: compileSelectionSet(operation.selectionSet, schema, leafValidators),
    defaultedVariables: operation.collectDefaultedVariableValues(),
  };
}

/**
 * One deferred part of an operation (a query plan's `subselection`, printed selections under
 * `parentType`) compiled as a program of its own: it shapes the part's objects for its payload.
 */
export function compileSubselectionProgram(
  program: ResponseProgram,
  parentType: CompositeType,
  subselection: string | undefined,
  variableDefinitions: VariableDefinitions,
): ResponseProgram {
  const selections = subselection
    ? compileSelectionSet(
        parseSelectionSet({ parentType, source: subselection, variableDefinitions, validate: false }),
        program.schema,
        new Map(),
      )
    : [];
  return { ...program, rootType: parentType, selections };
}

/** The composite type a response path (response names, "... on T" for type conditions) reaches. */
export function typeAtResponsePath(program: ResponseProgram, path: readonly string[]): CompositeType {
  let type = program.rootType;
  let entries = program.selections;
  for (const segment of path) {
    if (segment.startsWith("... on ")) {
      const named = program.schema.type(segment.slice("... on ".length).trim());
      if (!named || !isCompositeType(named)) throw new Error(`Unknown type condition in deferred path: ${segment}`);
      type = named;
      continue;
    }
    // A response name may be selected in several places (one of them deferred): their
    // sub-selections together are what the rest of the path walks through.
    const fields = fieldsNamed(entries, segment);
    const [field] = fields;
    if (!field) throw new Error(`Deferred path segment ${segment} is not in the operation`);
    let step = field.output;
    while (step.kind === "nonNull" || step.kind === "list") step = step.of;
    if (step.kind !== "composite") throw new Error(`Deferred path segment ${segment} is a leaf`);
    type = step.type;
    entries = fields.flatMap((each) => each.selections ?? []);
  }
  return type;
}

type FieldEntry = Extract<ProgramEntry, { kind: "field" }>;

function fieldsNamed(entries: ProgramEntry[], responseName: string, into: FieldEntry[] = []): FieldEntry[] {
  for (const entry of entries) {
    if (entry.kind === "field" && entry.responseName === responseName) into.push(entry);
    else if (entry.kind === "fragment") fieldsNamed(entry.selections, responseName, into);
  }
  return into;
}

function compileSelectionSet(
  selectionSet: SelectionSet,
  schema: Schema,
  leafValidators: Map<string, (value: unknown) => boolean>,
): ProgramEntry[] {
  const entries: ProgramEntry[] = [];
  for (const selection of selectionSet.selections()) {
    const condition = conditionOf(selection.element, schema);
    if (selection.kind === "FieldSelection") {
      const field = selection.element;
      const responseName = field.responseName();
      if (field.definition.isSchemaIntrospectionField())
        entries.push({ kind: "introspection", responseName, condition, selection });
      else if (field.name === "__typename") entries.push({ kind: "typename", responseName, condition });
      else
        entries.push({
          kind: "field",
          responseName: clientResponseName(responseName),
          ...(clientResponseName(responseName) !== responseName ? { fetchedName: responseName } : {}),
          condition,
          output: outputStep(field.definition.type as OutputType, schema, leafValidators),
          selections: selection.selectionSet && compileSelectionSet(selection.selectionSet, schema, leafValidators),
        });
    } else {
      entries.push({
        kind: "fragment",
        condition,
        typeCondition: selection.element.typeCondition,
        applies: new Map(),
        selections: compileSelectionSet(selection.selectionSet, schema, leafValidators),
      });
    }
  }
  return entries;
}

function conditionOf(element: OperationElement, schema: Schema): SelectionCondition | undefined {
  const skip = element.appliedDirectivesOf(schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(schema.includeDirective())[0];
  if (!skip && !include) return undefined;
  const value = (argument: unknown) => (argument instanceof Variable ? argument.name : Boolean(argument));
  return {
    skip: skip ? value(skip.arguments().if) : undefined,
    include: include ? value(include.arguments().if) : undefined,
  };
}

function outputStep(
  type: OutputType,
  schema: Schema,
  leafValidators: Map<string, (value: unknown) => boolean>,
): OutputStep {
  if (isNonNullType(type))
    return { kind: "nonNull", of: outputStep(type.ofType as OutputType, schema, leafValidators), type };
  if (isListType(type))
    return { kind: "list", of: outputStep(type.ofType as OutputType, schema, leafValidators), type };
  if (isCompositeType(type)) return { kind: "composite", type };
  let valid = leafValidators.get(type.name);
  if (!valid) {
    valid = leafValidator(type, schema);
    leafValidators.set(type.name, valid);
  }
  return { kind: "leaf", type, valid };
}

const integerText = /^-?(?:0|[1-9][0-9]*)$/;

/** What a subgraph may answer for a leaf type (as federation-internals' isValidLeafValue). */
function leafValidator(type: OutputType, schema: Schema): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  if (isEnumType(type)) {
    const values = new Set(type.values.map((value) => value.name));
    return (value) => typeof value === "string" && values.has(value);
  }
  const isBoolean = type === schema.booleanType();
  const isInt = type === schema.intType();
  const isFloat = type === schema.floatType();
  const integral = isInt || type === schema.idType();
  return (value) => {
    if (typeof value === "boolean") return isBoolean;
    if (typeof value === "number" && Number.isFinite(value))
      return integral ? integerText.test(String(value)) : isFloat;
    if (typeof value === "string") return !isBoolean && !isInt && !isFloat;
    return false;
  };
}
