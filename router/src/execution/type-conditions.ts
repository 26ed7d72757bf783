// "Is an object of runtime type T a C?" against the supergraph schema, as fetch inputs and data
// rewrites ask it (an abstract C matches its object/interface subtypes). Answers are memoised per
// schema: the same few pairs are asked for every entity of every request.
import type { GraphQLSchema } from "graphql";
import { isAbstractType, isInterfaceType, isObjectType } from "../graphql-runtime.js";

export class TypeConditions {
  private readonly answers = new Map<string, boolean>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** `defaultOnUnknown` answers objects that carry no __typename. */
  matches(object: Record<string, unknown>, condition: string, defaultOnUnknown = false): boolean {
    const typename = object.__typename;
    if (typeof typename !== "string" || typename === "") return defaultOnUnknown;
    if (typename === condition) return true;
    const key = `${typename}\u0000${condition}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.isSubtype(typename, condition);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private isSubtype(typename: string, condition: string): boolean {
    const type = this.schema.getType(typename);
    const conditionType = this.schema.getType(condition);
    if (!type || !conditionType || !isAbstractType(conditionType)) return false;
    return (isObjectType(type) || isInterfaceType(type)) && this.schema.isSubType(conditionType, type);
  }
}
