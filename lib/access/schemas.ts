import { z } from "zod";

/** Sign-in with a password. */
export const ZSignIn = z.object({
  email: z.string().trim().min(1, "enter your email").max(320),
  password: z.string().min(1, "enter your password").max(1000),
});

/** A new account (first-run admin, CLI, invitation). */
export const ZNewAccount = z.object({
  email: z.email("enter an email address").trim().toLowerCase().max(320),
  name: z.string().trim().min(1, "enter a name").max(200),
  password: z.string().min(10, "at least 10 characters").max(1000),
});
export type TNewAccount = z.input<typeof ZNewAccount>;
