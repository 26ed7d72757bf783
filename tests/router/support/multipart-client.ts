// Reads a multipart/mixed answer (Apollo's incremental delivery) part by part, as it arrives.
export interface IncrementalAnswer {
  status: number;
  contentType: string;
  /** Each JSON part in order; the iterator ends after the closing boundary. */
  parts: AsyncGenerator<Record<string, unknown>>;
}

const accept = "multipart/mixed;deferSpec=20220824,application/json";

export async function postIncremental(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept, ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    parts: readParts(response),
  } satisfies IncrementalAnswer;
}

async function* readParts(response: Response): AsyncGenerator<Record<string, unknown>> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    // A part is complete once the boundary after it has arrived.
    for (let end = buffered.indexOf("\r\n---", 1); end !== -1; end = buffered.indexOf("\r\n---", 1)) {
      const part = buffered.slice(0, end);
      buffered = buffered.slice(end + "\r\n---".length);
      const json = part.slice(part.indexOf("\r\n\r\n") + 4).trim();
      if (part.includes("content-type") && json) yield JSON.parse(json) as Record<string, unknown>;
    }
  }
}
