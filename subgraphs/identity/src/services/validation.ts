// Input rules shared by sign-up, sign-in and password reset.
import { z } from "zod";

const emailSchema = z.email().max(254);

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
export const isValidEmail = (email: string) => emailSchema.safeParse(normalizeEmail(email)).success;

export const PASSWORD_MIN = 10;
// argon2 cost grows with input; an upper bound stops megabyte "passwords".
export const PASSWORD_MAX = 128;
const commonPasswords = new Set(["password123", "1234567890", "qwertyuiop", "letmein123", "iloveyou12", "password1!"]);

/** Why a password is too weak, or null when it is acceptable (NIST 800-63B style: length, not composition). */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (new Set(password).size < 4) return "Use more different characters.";
  if (commonPasswords.has(password.toLowerCase())) return "This password is too common.";
  if (email && password.toLowerCase().includes(normalizeEmail(email).split("@")[0] ?? "\u0000"))
    return "Do not use your email address in your password.";
  return null;
}
