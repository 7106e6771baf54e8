import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";

export const denialReasons = [
  "IDENTITY_NOT_VERIFIED",
  "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
  "EXEMPTION_APPLIES",
  "NO_DATA_HELD",
  "AGENT_AUTHORITY_NOT_SHOWN",
  "OTHER",
] as const;

type DenialReason = (typeof denialReasons)[number];

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    reference: referenceSchema,
    type: requestTypeSchema,
    reason: z.enum(denialReasons),
    /** The privacy team's own words, shown under the reason. */
    message: staffTextSchema.optional(),
    complaint: complaintSchema,
    statusUrl: webUrlSchema,
  })
  .refine((props) => props.reason !== "OTHER" || props.message, {
    path: ["message"],
    message: "is required when the reason is OTHER",
  });

/** Each reason in plain words: the person must understand why without knowing the law. */
const reasons = localized<Record<DenialReason, string>>({
  en: {
    IDENTITY_NOT_VERIFIED:
      "We could not confirm that you are the person the data is about. Acting on the request without that confirmation could disclose or change someone else's data.",
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE:
      "The law allows us to refuse a request that is clearly unfounded or excessive, for example because the same request is repeated too often. We consider that this is the case here.",
    EXEMPTION_APPLIES:
      "A legal exception applies to the data concerned: for example, we must keep it to meet a legal obligation, or handing it over would harm the rights of other people.",
    NO_DATA_HELD: "We looked for your data and found none: we do not hold personal data about you linked to the details you gave us.",
    AGENT_AUTHORITY_NOT_SHOWN:
      "Someone filed this request on your behalf, and we were not shown that you gave them permission to act for you. We do not act on a request made in your name without that proof, to protect your data. You can file the request yourself, or ask the person acting for you to send a permission you have signed.",
    OTHER: "We cannot act on this request, for the reasons explained below.",
  },
  fr: {
    IDENTITY_NOT_VERIFIED:
      "Nous n’avons pas pu confirmer que vous êtes la personne concernée par les données. Donner suite à la demande sans cette confirmation risquerait de communiquer ou de modifier les données de quelqu’un d’autre.",
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE:
      "La loi nous permet de refuser une demande manifestement infondée ou excessive, par exemple parce que la même demande est répétée trop souvent. Nous considérons que c’est le cas ici.",
    EXEMPTION_APPLIES:
      "Une exception prévue par la loi s’applique aux données concernées\u00a0: par exemple, nous devons les conserver pour respecter une obligation légale, ou les communiquer porterait atteinte aux droits d’autres personnes.",
    NO_DATA_HELD:
      "Nous avons recherché vos données sans en trouver\u00a0: nous ne détenons pas de données personnelles vous concernant liées aux informations que vous nous avez données.",
    AGENT_AUTHORITY_NOT_SHOWN:
      "Quelqu’un a fait cette demande en votre nom, et nous n’avons pas eu la preuve que vous l’aviez autorisé à agir pour vous. Pour protéger vos données, nous ne donnons pas suite à une demande faite en votre nom sans cette preuve. Vous pouvez faire la demande vous-même, ou demander à la personne qui agit pour vous d’envoyer une autorisation signée de votre main.",
    OTHER: "Nous ne pouvons pas donner suite à cette demande, pour les raisons expliquées ci-dessous.",
  },
});

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `${companyName} cannot act on your request ${reference}`,
    heading: "We cannot act on your request",
    preview: "We have decided not to act on your request. This email explains why and what you can do.",
    intro: "We have decided not to act on this request:",
    why: "Why",
    ourMessage: "Our explanation",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    subject: (companyName: string, reference: string) => `${companyName} ne peut pas donner suite à votre demande ${reference}`,
    heading: "Nous ne pouvons pas donner suite à votre demande",
    preview: "Nous avons décidé de ne pas donner suite à votre demande. Cet e-mail explique pourquoi et ce que vous pouvez faire.",
    intro: "Nous avons décidé de ne pas donner suite à cette demande\u00a0:",
    why: "Pourquoi",
    ourMessage: "Nos explications",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

export const requestDeniedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function RequestDeniedEmail({ locale, companyName, reference, type, reason, message, complaint, statusUrl }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t.why}</Subheading>
        <Paragraph>{reasons[locale][reason]}</Paragraph>
        {message && (
          <>
            <Subheading>{t.ourMessage}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
        <ComplaintSection locale={locale} reference={reference} complaint={complaint} />
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
