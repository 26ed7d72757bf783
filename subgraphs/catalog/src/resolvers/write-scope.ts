/** Admin mutations need this scope in the caller's signed identity. */
export const writeScope = "catalog:write";
