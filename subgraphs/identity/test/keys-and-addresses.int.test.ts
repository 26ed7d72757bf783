// Key rotation through the admin mutation, and ownership of user data.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type IdentityFixture,
  identityFromToken,
  startIdentityFixture,
  uniqueEmail,
} from "./support/identity-fixture.js";
import { ADD_ADDRESS, ME, REMOVE_ADDRESS, ROTATE_KEY, SIGN_UP } from "./support/operations.js";

let fx: IdentityFixture;
beforeAll(async () => {
  fx = await startIdentityFixture();
});
afterAll(() => fx?.close());

const signUp = async (prefix: string) => {
  const result = await fx.graphql(SIGN_UP, {
    input: { email: uniqueEmail(prefix), name: prefix, password: "correct horse battery" },
  });
  return result.data.signUp.session as { accessToken: string; user: { id: string } };
};

describe("signing key rotation", () => {
  it("needs identity:admin; afterwards new tokens carry the new kid and old tokens still verify", async () => {
    const before = await signUp("rotate");
    const identity = identityFromToken(before.accessToken);
    expect((await fx.graphql(ROTATE_KEY, {}, { identity })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const admin = { ...identity, scopes: [...identity.scopes, "identity:admin"] };
    const rotated = (await fx.graphql(ROTATE_KEY, {}, { identity: admin })).data.rotateSigningKey;
    expect(rotated.kid).toBeTruthy();
    expect(await fx.prisma.signingKey.count({ where: { retiredAt: null } })).toBe(1);

    const after = await signUp("rotated");
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(rotated.kid);
    const jwks = createRemoteJWKSet(new URL(`${fx.server.baseUrl}/.well-known/jwks.json`));
    const options = { issuer: fx.env.JWT_ISSUER, audience: fx.env.JWT_AUDIENCE, algorithms: ["ES256"] };
    await expect(jwtVerify(after.accessToken, jwks, options)).resolves.toBeTruthy();
    await expect(jwtVerify(before.accessToken, jwks, options)).resolves.toBeTruthy();
    const published = (await (await fetch(`${fx.server.baseUrl}/.well-known/jwks.json`)).json()) as {
      keys: Array<Record<string, string>>;
    };
    expect(published.keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining([rotated.kid, decodeProtectedHeader(before.accessToken).kid]),
    );
    for (const key of published.keys) expect(key).not.toHaveProperty("d");
  });
});

describe("address book and ownership", () => {
  it("keeps each user's addresses to themselves", async () => {
    const alice = identityFromToken((await signUp("alice")).accessToken);
    const bob = identityFromToken((await signUp("bob")).accessToken);
    const input = { recipient: "Alice", line1: "1 Main St", city: "Berlin", postalCode: "10115", country: "DE" };
    const added = (await fx.graphql(ADD_ADDRESS, { input }, { identity: alice })).data.addAddress;
    expect(added.address).toMatchObject({ isDefault: true, country: "DE" });
    const bad = (await fx.graphql(ADD_ADDRESS, { input: { ...input, country: "Germany" } }, { identity: alice })).data
      .addAddress;
    expect(bad.userErrors[0].code).toBe("INVALID_COUNTRY");

    expect((await fx.graphql(ME, {}, { identity: bob })).data.me.addresses).toEqual([]);
    const steal = (await fx.graphql(REMOVE_ADDRESS, { id: added.address.id }, { identity: bob })).data.removeAddress;
    expect(steal.userErrors[0].code).toBe("ADDRESS_NOT_FOUND");
    const entities = await fx.graphql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }`,
      { r: [{ __typename: "User", id: alice.userId }] },
      { identity: bob },
    );
    expect(entities.data._entities).toEqual([null]);
    const own = await fx.graphql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id addresses { id } } } }`,
      { r: [{ __typename: "User", id: alice.userId }] },
      { identity: alice },
    );
    expect(own.data._entities[0].addresses).toEqual([{ id: added.address.id }]);
    expect((await fx.graphql(ME, {}, { identity: alice })).data.me.defaultAddress).toEqual({ id: added.address.id });
  });
});
