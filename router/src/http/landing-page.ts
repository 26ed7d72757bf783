// Development landing page: Apollo Sandbox embedded, pointed at this router's own endpoint.
export const sandboxLandingPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ShopStream router · Apollo Sandbox</title></head>
<body style="margin:0;height:100vh">
<div id="sandbox" style="height:100%"></div>
<script src="https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js"></script>
<script>
  new window.EmbeddedSandbox({
    target: "#sandbox",
    initialEndpoint: location.origin + location.pathname,
    includeCookies: false,
  });
</script>
</body>
</html>
`;

/** Browsers navigating to the endpoint ask for HTML; GraphQL clients do not. */
export function wantsLandingPage(method: string | undefined, accept: string | undefined, hasQuery: boolean): boolean {
  return method === "GET" && !hasQuery && (accept ?? "").includes("text/html");
}
