import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { StaffEmailLayout, StaffRequestPanel } from "./components/staff-parts.tsx";

/**
 * To the assignee when a request waits for them: corrections no source could make (lib/corrections),
 * or the person wrote back (lib/requests/reply-to-team.ts). No personal data of the person: what
 * they wrote is on the request page behind the link.
 */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  reason: z.enum(["corrections", "reply"]),
  /** How many corrections were left to staff (reason corrections). */
  count: z.number().int().min(0).default(0),
  requestUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: {
      corrections: (reference: string) => `${reference}: corrections to apply by hand`,
      reply: (reference: string) => `${reference}: the person wrote back`,
    },
    preview: { corrections: "Corrections are waiting for you.", reply: "The person answered your message." },
    corrections: (count: number) =>
      `${count === 1 ? "One correction" : `${count} corrections`} of this request could not be made by any source. Apply ${count === 1 ? "it" : "them"} by hand and say on the request page what you corrected: the request stays in progress until then.`,
    reply: "The person answered your message on their status page. Their answer is on the request page.",
    open: "Open the request",
  },
  fr: {
    subject: {
      corrections: (reference: string) => `${reference}\u00a0: corrections à effectuer à la main`,
      reply: (reference: string) => `${reference}\u00a0: la personne a répondu`,
    },
    preview: { corrections: "Des corrections vous attendent.", reply: "La personne a répondu à votre message." },
    corrections: (count: number) =>
      `${count === 1 ? "Une correction" : `${count} corrections`} de cette demande n’a pu être effectuée par aucune source. Effectuez-la à la main et indiquez sur la page de la demande ce que vous avez corrigé\u00a0: la demande reste en cours jusque-là.`,
    reply: "La personne a répondu à votre message sur sa page de suivi. Sa réponse figure sur la page de la demande.",
    open: "Ouvrir la demande",
  },
});

export const staffRequestNeedsAttentionEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => `[${props.companyName}] ${text[locale].subject[props.reason](props.reference)}`,
  component: function StaffRequestNeedsAttentionEmail(props) {
    const { locale, companyName, reference, type, dueDate, reason, count, requestUrl } = props;
    const t = text[locale];
    return (
      <StaffEmailLayout locale={locale} companyName={companyName} preview={t.preview[reason]} heading={t.subject[reason](reference)}>
        <Paragraph>{reason === "corrections" ? t.corrections(count) : t.reply}</Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t.open}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
