const session = `session { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt tokenType scopes user { id email name } }`;
const errors = `userErrors { code message field }`;

export const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${session} retryAfterSeconds ${errors} } }`;
export const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${session} retryAfterSeconds ${errors} } }`;
export const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { ${session} retryAfterSeconds ${errors} } }`;
export const SIGN_OUT = `mutation { signOut { ok ${errors} } }`;
export const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere { ok ${errors} } }`;
export const ME = `query { me { id email name addresses { id city country isDefault } defaultAddress { id } } }`;
export const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) { ok ${errors} } }`;
export const RESET = `mutation ($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) { ok ${errors} } }`;
export const ADD_ADDRESS = `mutation ($input: AddressInput!) { addAddress(input: $input) { address { id isDefault country } ${errors} } }`;
export const REMOVE_ADDRESS = `mutation ($id: ID!) { removeAddress(id: $id) { removedId ${errors} } }`;
export const ROTATE_KEY = `mutation { rotateSigningKey { kid ${errors} } }`;
