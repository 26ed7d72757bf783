// Which clients get @defer answered in parts: those whose Accept header takes multipart/mixed in
// the one defer spec the router speaks (Apollo's deferSpec=20220824, see http/multipart-response.ts).
/** Whether the Accept header takes multipart/mixed in the only defer spec we answer with. */
export function acceptsIncrementalDelivery(accept: string | string[] | undefined): boolean {
  const values = Array.isArray(accept) ? accept.join(",") : (accept ?? "");
  return values.split(",").some((range) => {
    const [type, ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    if (type !== "multipart/mixed") return false;
    const spec = parameters.find((parameter) => parameter.startsWith("deferspec="));
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    return (!spec || spec === "deferspec=20220824") && quality !== "q=0";
  });
}
