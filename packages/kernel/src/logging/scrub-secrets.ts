// Deep-scrubs values whose key names a secret (passwords, tokens, card data, signatures) before a
// log line is written, wherever they are nested (e.g. GraphQL variables.input.password).
const secretKey = /pass(word)?|token|secret|authorization|cookie|card|cvc|signature|pkce|verifier|^code$/i;
const MAX_DEPTH = 8;

export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value instanceof Error) return value;
  const scrubbed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    scrubbed[key] = secretKey.test(key) ? "[redacted]" : scrubSecrets(item, depth + 1);
  }
  return scrubbed;
}
