// Builds the client's response from the fetched data in one pass over the compiled operation:
// only the fields asked for, in the order asked, aliases applied, root __typename filled in,
// introspection answered locally, values checked against their types, and nulls propagated up to
// the nearest nullable parent (GraphQL spec §6.4.4), as @apollo/gateway's computeResponse does.
import {
  type CompositeType,
  type FieldSelection,
  isCompositeType,
  isObjectType,
  isSubtype,
} from "@apollo/federation-internals";
import type { ResponsePath } from "@apollo/query-planner";
import { GraphQLError } from "../graphql-runtime.js";

type GraphQLErrorInstance = InstanceType<typeof GraphQLError>;

import { isResultObject, ownValue, type ResultObject, setOwn } from "./merge-into.js";
import type { OutputStep, ProgramEntry, ResponseProgram, SelectionCondition } from "./response-program.js";

export interface ShapingContext {
  program: ResponseProgram;
  variables: Record<string, unknown>;
  introspect: (selection: FieldSelection) => unknown;
  errors: GraphQLErrorInstance[];
  path: ResponsePath;
  /** Set by every updateValue call for its caller: the value must null its parent / an error was recorded. */
  invalid: boolean;
  hasErrors: boolean;
}

export function shapeResponse(context: ShapingContext, input: ResultObject): ResultObject | null {
  const data: ResultObject = {};
  const bubbled = applySelections(context, input, context.program.selections, data, context.program.rootType);
  return bubbled ? null : data;
}

/** Returns true when a null must bubble up to the parent. */
function applySelections(
  context: ShapingContext,
  input: ResultObject,
  entries: ProgramEntry[],
  output: ResultObject,
  parentType: CompositeType,
): boolean {
  for (const entry of entries) {
    if (entry.condition && isSkipped(entry.condition, context.variables)) continue;
    switch (entry.kind) {
      case "field": {
        const name = entry.responseName;
        context.path.push(name);
        const updated = updateValue(
          context,
          ownValue(output, name),
          entry.output,
          ownValue(input, entry.fetchedName ?? name) ?? null,
          entry.selections,
          parentType,
        );
        context.path.pop();
        setOwn(output, name, updated);
        if (context.invalid) return true;
        break;
      }
      case "typename": {
        const name = entry.responseName;
        if (ownValue(output, name) !== undefined) break;
        let value = ownValue(input, name) ?? null;
        if (value === null && name !== "__typename") value = ownValue(input, "__typename") ?? null;
        const type = (typeof value === "string" && context.program.schema.type(value)) || parentType;
        if (!isObjectType(type)) return true;
        setOwn(output, name, type.name);
        break;
      }
      case "introspection":
        if (ownValue(output, entry.responseName) === undefined)
          setOwn(output, entry.responseName, context.introspect(entry.selection));
        break;
      case "fragment": {
        const typename = input.__typename;
        if (typename !== undefined && typeof typename !== "string")
          throw new Error(`Got unexpected value for __typename: ${typename}`);
        if (!fragmentApplies(context, entry, typename, parentType)) break;
        if (applySelections(context, input, entry.selections, output, entry.typeCondition ?? parentType)) return true;
        break;
      }
    }
  }
  return false;
}

function updateValue(
  context: ShapingContext,
  outputValue: unknown,
  step: OutputStep,
  inputValue: unknown,
  selections: ProgramEntry[] | undefined,
  parentType: CompositeType,
): unknown {
  context.invalid = false;
  context.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !selections)) return outputValue;
  if (step.kind === "nonNull") {
    const updated = updateValue(context, outputValue, step.of, inputValue, selections, parentType);
    if (updated !== null) {
      context.hasErrors = false;
      return updated;
    }
    if (!context.hasErrors)
      context.errors.push(
        invalidValue(
          `Cannot return null for non-nullable ${describe(context.path, step.of.type, parentType)}.`,
          context.path,
        ),
      );
    context.invalid = true;
    context.hasErrors = true;
    return null;
  }
  if (inputValue === null) return null;
  switch (step.kind) {
    case "list":
      return updateList(context, outputValue, step, inputValue, selections, parentType);
    case "composite":
      return updateObject(context, outputValue, step, inputValue, selections, parentType);
    case "leaf": {
      if (outputValue !== undefined) throw new Error(`Expected no output yet for leaf type ${step.type}`);
      if (step.valid(inputValue)) return inputValue;
      context.errors.push(
        invalidValue(`Invalid value found for ${describe(context.path, step.type, parentType)}.`, context.path),
      );
      context.hasErrors = true;
      return null;
    }
  }
}

function updateList(
  context: ShapingContext,
  outputValue: unknown,
  step: Extract<OutputStep, { kind: "list" }>,
  inputValue: unknown,
  selections: ProgramEntry[] | undefined,
  parentType: CompositeType,
): unknown {
  if (!Array.isArray(inputValue))
    throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type ${step.type}`);
  if (outputValue !== undefined && (!Array.isArray(outputValue) || outputValue.length !== inputValue.length))
    throw new Error(`Invalid list value for list type ${step.type}`);
  const output = (outputValue as unknown[] | undefined) ?? new Array(inputValue.length);
  let nullify = false;
  let hasErrors = false;
  for (let index = 0; index < inputValue.length; index++) {
    context.path.push(index);
    output[index] = updateValue(context, output[index], step.of, inputValue[index] ?? null, selections, parentType);
    context.path.pop();
    nullify ||= context.invalid;
    hasErrors ||= context.hasErrors;
  }
  context.invalid = false;
  context.hasErrors = hasErrors;
  return nullify ? null : output;
}

function updateObject(
  context: ShapingContext,
  outputValue: unknown,
  step: Extract<OutputStep, { kind: "composite" }>,
  inputValue: unknown,
  selections: ProgramEntry[] | undefined,
  parentType: CompositeType,
): unknown {
  if (!selections) throw new Error(`Invalid empty selection set for composite type ${step.type}`);
  if (!isResultObject(inputValue))
    throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${step.type}`);
  const typename = inputValue.__typename;
  if (typename !== undefined && typeof typename !== "string")
    throw new Error(`Invalid non-string value ${typename} for __typename`);
  let objectType: CompositeType = step.type;
  if (typename) {
    const type = context.program.schema.type(typename);
    if (!type || !isCompositeType(type)) {
      context.errors.push(
        invalidValue(
          `Invalid __typename found for object at ${describe(context.path, step.type, parentType)}.`,
          context.path,
        ),
      );
      context.hasErrors = true;
      return null;
    }
    objectType = type;
  }
  const output = (outputValue as ResultObject | undefined) ?? {};
  const bubbled = applySelections(context, inputValue, selections, output, objectType);
  context.invalid = false;
  context.hasErrors = bubbled;
  return bubbled ? null : output;
}

function fragmentApplies(
  context: ShapingContext,
  entry: Extract<ProgramEntry, { kind: "fragment" }>,
  typename: string | undefined,
  parentType: CompositeType,
): boolean {
  const condition = entry.typeCondition;
  if (!condition) return true;
  const key = typename || `\u0000${parentType.name}`;
  let applies = entry.applies.get(key);
  if (applies === undefined) {
    const type = typename ? context.program.schema.type(typename) : parentType;
    applies = !!type && isSubtype(condition, type);
    entry.applies.set(key, applies);
  }
  return applies;
}

function isSkipped(condition: SelectionCondition, variables: Record<string, unknown>): boolean {
  const value = (argument: boolean | string) => {
    if (typeof argument === "boolean") return argument;
    const bound = variables[argument];
    if (typeof bound !== "boolean") throw new Error(`Unexpected value ${bound} for variable $${argument}`);
    return bound;
  };
  if (condition.skip !== undefined && value(condition.skip)) return true;
  return condition.include !== undefined && !value(condition.include);
}

function describe(path: ResponsePath, type: OutputStep["type"] | CompositeType, parentType: CompositeType): string {
  const last = path[path.length - 1];
  return typeof last === "string" ? `field ${parentType}.${last}` : `array element of type ${type} at index ${last}`;
}

function invalidValue(message: string, path: ResponsePath): GraphQLErrorInstance {
  return new GraphQLError(message, { path: [...path], extensions: { code: "INVALID_GRAPHQL" } });
}
