// Redirect URI matching: exact, except that a registered loopback URI (http://127.0.0.1 or
// http://localhost) accepts any port, as RFC 8252 §7.3 requires for apps that bind a free port.
const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

function withoutLoopbackPort(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" || !loopbackHosts.has(url.hostname)) return null;
  url.port = "";
  return url.toString();
}

export function redirectUriRegistered(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const requestedAnyPort = withoutLoopbackPort(requested);
  return requestedAnyPort !== null && registered.some((uri) => withoutLoopbackPort(uri) === requestedAnyPort);
}

/** Why a URI cannot be registered: absolute, https (or loopback http), no fragment (RFC 6749 §3.1.2). */
export function redirectUriProblems(uri: string): string[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return ["not an absolute URI"];
  }
  const problems: string[] = [];
  if (url.hash) problems.push("must not have a fragment");
  if (url.protocol !== "https:" && withoutLoopbackPort(uri) === null)
    problems.push("must be https (or http on loopback)");
  return problems;
}
