// What an admin types to trust an authorized agent: its directory id, a name, its verify key.
import { z } from "zod";
import { drpVerifyKey } from "./open-signed-message.ts";

export const drpAgentIdSchema = z
  .string({ message: "the agent id is required" })
  .trim()
  .regex(/^[A-Za-z0-9_]{1,100}$/, "the agent id must be the DRP directory id: letters, digits and _ (e.g. CR_AA_DRP_ID_001)");

export const drpVerifyKeySchema = z
  .string({ message: "the verify key is required" })
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
    { message: "the verify key must be the base64 of a 32-byte Ed25519 public key (44 characters ending in =)" },
  );

export const addDrpAgentSchema = z.object({
  id: drpAgentIdSchema,
  name: z.string({ message: "the name is required" }).trim().min(1, "the name is required").max(200, "the name is at most 200 characters"),
  verifyKey: drpVerifyKeySchema,
});
