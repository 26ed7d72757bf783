// Exponential backoff with full jitter, capped.
export function exponentialBackoff(options: { initialMs: number; maxMs: number; random?: () => number }) {
  const random = options.random ?? Math.random;
  let attempt = 0;
  return {
    next(): number {
      const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
      attempt += 1;
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    },
    reset() {
      attempt = 0;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
