/** A Product reference: the router asks catalog for everything but the id. */
export const productRefs = (ids: string[]) => ids.map((id) => ({ __typename: "Product" as const, id }));
