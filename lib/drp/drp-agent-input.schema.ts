// What an admin types to trust an authorized agent: its directory id, a name, its verify key. The
// messages name catalogue messages (staffAgents.validation), shown in the member's language.
import { z } from "zod";
import { drpVerifyKey } from "./open-signed-message.ts";

export const drpAgentIdSchema = z
  .string({ message: "staffAgents.validation.idRequired" })
  .trim()
  .regex(/^[A-Za-z0-9_]{1,100}$/, "staffAgents.validation.id");

export const drpVerifyKeySchema = z
  .string({ message: "staffAgents.validation.keyRequired" })
  .trim()
  .refine(
    (value) => {
      try {
        drpVerifyKey(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: "staffAgents.validation.key" },
  );

export const addDrpAgentSchema = z.object({
  id: drpAgentIdSchema,
  name: z
    .string({ message: "staffAgents.validation.nameRequired" })
    .trim()
    .min(1, "staffAgents.validation.nameRequired")
    .max(200, "staffAgents.validation.nameTooLong"),
  verifyKey: drpVerifyKeySchema,
});
