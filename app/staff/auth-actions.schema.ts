// Inputs of the sign-in and account actions (auth-actions.ts).
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text.ts";

export const signInSchema = z.object({
  email: safeText().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const codeSchema = z.object({
  code: safeText().trim().min(1, "Enter the code.").max(20, "The code is too long."),
});

/** The password and a current code, before two-factor is turned off or recovery codes replaced. */
export const confirmIdentitySchema = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: safeText().trim().min(1, "Enter the code from your authenticator app, or a recovery code.").max(20, "The code is too long."),
});

export const changePasswordSchema = z
  .object({
    /** Not asked right after a sign-in with a one-time password (the page leaves the field out). */
    currentPassword: z.string().min(1, "Enter your current password.").max(200).optional(),
    newPassword: z.string().min(1, "Enter a new password.").max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

/** What the sign-in and account forms get back. */
export type AuthFormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  recoveryCodes?: string[];
  message?: string;
  /** What was typed in the fields that are not secret (the email), put back after a refusal. */
  values?: Record<string, string>;
} | null;
