// A guest's cart is found by its token (not a credential for any account); it is merged into the
// shopper's own cart at sign-in and then forgotten.
const key = "shopstream.cartToken";

export const guestCartToken = () => localStorage.getItem(key);
export const rememberGuestCartToken = (token: string | null | undefined) => {
  if (token) localStorage.setItem(key, token);
};
export const forgetGuestCartToken = () => localStorage.removeItem(key);
