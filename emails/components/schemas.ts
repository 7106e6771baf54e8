import { z } from "zod";
import { REQUEST_TYPES } from "../../lib/deadlines/types.ts";

/** Every template names the company so the person knows who is writing before they open the email. */
export const companyNameSchema = z.string().trim().min(1);

export const requestTypeSchema = z.enum(REQUEST_TYPES);

/** Dates arrive as the deadline engine writes them: a calendar day, no time, no zone. */
export const calendarDateSchema = z.iso.date();

/** Links end up in buttons: only web addresses, so a bad value can never become `javascript:`. */
export const webUrlSchema = z.url({ protocol: /^https?$/ });

export const referenceSchema = z.string().trim().min(1);

/** Plain text typed by staff (a question, a reason): shown escaped, line breaks kept. */
export const staffTextSchema = z.string().trim().min(1);

/**
 * Rights filed together share one email; `types[i]` is the right behind `references[i]`, so the two
 * lists must line up.
 */
export const requestGroupShape = {
  references: z.array(referenceSchema).min(1),
  types: z.array(requestTypeSchema).min(1),
};

export function typesMatchReferences(props: { references: string[]; types: string[] }): boolean {
  return props.references.length === props.types.length;
}

export const typesMatchReferencesIssue = {
  path: ["types"],
  message: "must list one request type per reference, in the same order",
};
