// Input of the invitation page's form (actions.ts): the new password, twice. Messages are catalogue
// keys, put in the reader's language with the refusal.
import { z } from "zod";

export const acceptInviteSchema = z
  .object({
    password: z.string().min(1, "staffAuth.validation.choosePassword").max(200, "staffAuth.validation.passwordTooLong"),
    confirmPassword: z.string().max(200),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "staffAuth.validation.passwordsDiffer",
  });
