import type { ReactElement } from "react";
import type { z } from "zod";
import type { EmailLocale } from "./i18n.ts";

/**
 * One email: the schema its job payload must pass, the component that draws it, and its subject line.
 * Props are typed from the schema, never declared a second time.
 */
export type EmailTemplate<Schema extends z.ZodType> = {
  schema: Schema;
  /** `country`: the country of the request the email is about, for the order of dates (none for staff emails). */
  component: (props: z.output<Schema> & { locale: EmailLocale; country?: string | null }) => ReactElement;
  subject: (locale: EmailLocale, props: z.output<Schema>) => string;
};

export function defineEmailTemplate<Schema extends z.ZodType>(template: EmailTemplate<Schema>): EmailTemplate<Schema> {
  return template;
}
