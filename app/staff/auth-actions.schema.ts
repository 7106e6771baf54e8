// Inputs of the sign-in and account actions (auth-actions.ts). Messages are catalogue keys, put in
// the member's language with the action's refusal (lib/i18n/localise-action-error.ts).
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text.ts";
import { catalogueLocales } from "@/lib/i18n/catalogue.ts";

export const signInSchema = z.object({
  email: safeText().trim().min(1, "staffAuth.validation.enterEmail").max(320),
  password: z.string().min(1, "staffAuth.validation.enterPassword").max(200),
});

export const codeSchema = z.object({
  code: safeText().trim().min(1, "staffAuth.validation.enterCode").max(20, "staffAuth.validation.codeTooLong"),
});

/** The password and a current code, before two-factor is turned off or recovery codes replaced. */
export const confirmIdentitySchema = z.object({
  password: z.string().min(1, "staffAuth.validation.enterPassword").max(200),
  code: safeText().trim().min(1, "staffAuth.validation.enterConfirmCode").max(20, "staffAuth.validation.codeTooLong"),
});

export const changePasswordSchema = z
  .object({
    /** Not asked right after a sign-in with a one-time password (the page leaves the field out). */
    currentPassword: z.string().min(1, "staffAuth.validation.enterCurrentPassword").max(200).optional(),
    newPassword: z.string().min(1, "staffAuth.validation.enterNewPassword").max(200),
    confirmPassword: z.string().max(200),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "staffAuth.validation.newPasswordsDiffer",
  });

/** The account page's language choice: a language of the catalogues, or "browser" to follow the browser's. */
export const chooseLanguageSchema = z.object({
  locale: z.enum(["browser", ...catalogueLocales]),
});

/** What the sign-in and account forms get back. */
export type AuthFormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  recoveryCodes?: string[];
  message?: string;
  /** What was typed in the fields that are not secret (the email), put back after a refusal. */
  values?: Record<string, string>;
} | null;
