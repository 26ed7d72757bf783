// The authorization server's own sign-in / create-account page (GET /oauth/authorize without a
// bearer token). The OAuth parameters ride along as hidden fields, so the POST that checks the
// credentials can finish the same authorization request. No script: it works in any browser.
export type SignInMode = "sign-in" | "create";

export interface SignInPage {
  clientName: string;
  /** The OAuth request's parameters, echoed back as hidden fields. */
  params: Record<string, string>;
  mode: SignInMode;
  /** Shown above the form (role="alert"). */
  error?: string;
  email?: string;
  name?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function field(id: string, label: string, type: string, autocomplete: string, value = "") {
  const valueAttr = value ? ` value="${escapeHtml(value)}"` : "";
  return `<label for="${id}">${label}</label><input id="${id}" name="${id}" type="${type}" autocomplete="${autocomplete}" required${valueAttr}>`;
}

function switchLink(page: SignInPage): string {
  const params = new URLSearchParams(page.params);
  if (page.mode === "sign-in") params.set("prompt", "create");
  else params.delete("prompt");
  const text = page.mode === "sign-in" ? "New here? Create an account" : "Already have an account? Sign in";
  return `<a href="/oauth/authorize?${escapeHtml(params.toString())}">${text}</a>`;
}

export function renderSignInPage(page: SignInPage): string {
  const creating = page.mode === "create";
  const title = creating ? "Create your account" : "Sign in";
  const hidden = Object.entries(page.params)
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
    .join("");
  const fields = [
    creating ? field("name", "Name", "text", "name", page.name) : "",
    field("email", "Email", "email", "email", page.email),
    field("password", "Password", "password", creating ? "new-password" : "current-password"),
  ].join("");
  const error = page.error ? `<p role="alert" class="error">${escapeHtml(page.error)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ShopStream</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1a1a1a}main{max-width:24rem;margin:0 auto}
label{display:block;margin-top:1rem;font-weight:600}input{box-sizing:border-box;width:100%;padding:.7rem;font:inherit;border:1px solid #767676;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.8rem;font:inherit;font-weight:600;color:#fff;background:#1a1a1a;border:0;border-radius:4px}
.error{color:#a00000;background:#fdecec;padding:.7rem;border-radius:4px}a{color:#0b57a4}</style></head>
<body><main><h1>${title}</h1><p>to continue to ${escapeHtml(page.clientName)}</p>${error}
<form method="post" action="/oauth/authorize"><input type="hidden" name="intent" value="${page.mode}">${hidden}${fields}
<button type="submit">${creating ? "Create account" : "Sign in"}</button></form>
<p>${switchLink(page)}</p></main></body></html>`;
}
