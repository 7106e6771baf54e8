// Input of the invitation page's form (actions.ts): the new password, twice.
import { z } from "zod";

export const acceptInviteSchema = z
  .object({
    password: z.string().min(1, "Choose a password.").max(200, "The password must be at most 200 characters long."),
    confirmPassword: z.string().max(200),
  })
  .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });
