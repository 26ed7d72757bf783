import { z } from "zod";
import { defineEvent } from "../envelope.js";
import { topics } from "../topics.js";

// Subject of every identity event: the user id.
export const userRegistered = defineEvent({
  type: "identity.user.registered",
  topic: topics.identityUsers,
  data: z.object({ userId: z.string(), email: z.string(), name: z.string() }),
});

/**
 * Carries the raw reset token because the mailer consumer must put it in the e-mail; identity
 * itself stores only its SHA-256. Consumers must never log `data`.
 */
export const passwordResetRequested = defineEvent({
  type: "identity.password_reset.requested",
  topic: topics.identityUsers,
  data: z.object({ userId: z.string(), email: z.string(), token: z.string(), expiresAt: z.iso.datetime() }),
});

export const passwordChanged = defineEvent({
  type: "identity.password.changed",
  topic: topics.identityUsers,
  data: z.object({ userId: z.string(), reason: z.enum(["RESET"]) }),
});
