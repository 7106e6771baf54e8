// The body of `POST /api/v1/opt-outs`: an opt-out an integration relays (a Global Privacy Control
// signal, or the site's "Do Not Sell or Share" link), for a person it names by email, by its own
// account id, or both: at least one.
import { z } from "zod";

export const optOutSignals = ["gpc", "link"] as const;

export const recordOptOutSchema = z
  .strictObject({
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ message: "email: give the person's email address" }))
      .optional()
      .describe("The person's email address. Give it, accountId, or both."),
    accountId: z
      .string()
      .trim()
      .min(1, "accountId: give the person's account id, or leave it out")
      .max(100, "accountId: at most 100 characters")
      .optional()
      .describe("The person's account id in the company's own systems. Give it, email, or both."),
    signal: z.enum(optOutSignals, { message: "signal: gpc (Global Privacy Control) or link (an opt-out link)" }),
    observedAt: z.iso
      .datetime({ offset: true, message: "observedAt: an ISO 8601 instant with an offset, e.g. 2026-02-01T10:00:00Z" })
      .optional()
      .describe("When the signal was seen; the request is received now, whatever this says."),
  })
  .refine((input) => input.email !== undefined || input.accountId !== undefined, {
    message: "email or accountId: name the person by their email address, their account id, or both",
  })
  .meta({ id: "RecordOptOut" });

export type RecordOptOutInput = z.infer<typeof recordOptOutSchema>;

export const optOutRecordedSchema = z
  .object({
    reference: z.string().meta({ examples: ["DSR-7K3M-Q9PX"] }),
    status: z.string().meta({ examples: ["in_progress"] }),
    merged: z.boolean().describe("True when an opt-out for the same person was already open or recent: that request is answered."),
  })
  .meta({ id: "OptOutRecorded" });
