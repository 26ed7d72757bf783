// Identity costs on the local stack: argon2id verify (the floor of every sign-in), access-token
// sign/verify, and end-to-end signIn / refreshSession through the subgraph (sequential, p50/p99).
import { verifyAccessToken } from "../src/crypto/jwt.js";
import { hashPassword, verifyPassword } from "../src/crypto/passwords.js";
import { startIdentityFixture, uniqueEmail } from "../test/support/identity-fixture.js";
import { REFRESH, SIGN_IN, SIGN_UP } from "../test/support/operations.js";

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;
async function measure(name: string, runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  console.log(
    `${name.padEnd(28)} n=${runs} p50=${percentile(times, 0.5).toFixed(2)}ms p99=${percentile(times, 0.99).toFixed(2)}ms`,
  );
}

const fx = await startIdentityFixture({ SIGNIN_MAX_FAILURES_PER_ACCOUNT: "100000" });
try {
  const hash = await hashPassword("correct horse battery");
  await measure("argon2id verify", 50, () => verifyPassword(hash, "correct horse battery"));
  const claims = { sub: "u", sid: "s", scopes: ["profile"] };
  const issued = await fx.server.services.accessTokens.issue(claims);
  await measure("access token sign", 500, () => fx.server.services.accessTokens.issue(claims));
  const jwks = await fx.server.services.signingKeys.jwks();
  const settings = { issuer: fx.env.JWT_ISSUER, audience: fx.env.JWT_AUDIENCE };
  await measure("access token verify", 500, () => verifyAccessToken(issued.token, jwks, settings));

  const email = uniqueEmail("bench");
  const password = "correct horse battery";
  await fx.graphql(SIGN_UP, { input: { email, name: "Bench", password } });
  await measure("signIn (GraphQL, ok)", 50, () => fx.graphql(SIGN_IN, { input: { email, password } }));
  await measure("signIn (GraphQL, wrong pw)", 50, () =>
    fx.graphql(SIGN_IN, { input: { email, password: "wrong-password-1" } }),
  );
  await measure("signIn (GraphQL, unknown)", 50, () =>
    fx.graphql(SIGN_IN, { input: { email: uniqueEmail("x"), password } }),
  );
  let refreshToken = (await fx.graphql(SIGN_IN, { input: { email, password } })).data.signIn.session
    .refreshToken as string;
  await measure("refreshSession (GraphQL)", 200, async () => {
    refreshToken = (await fx.graphql(REFRESH, { t: refreshToken })).data.refreshSession.session.refreshToken;
  });
} finally {
  await fx.close();
}
