import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, SmallPrint, TextLink } from "./components/parts.tsx";
import { companyNameSchema, webUrlSchema } from "./components/schemas.ts";

/** Written by lib/staff-users/invite-staff-user.ts; the link is private and blanked from the kept copy. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  inviteUrl: webUrlSchema,
  role: z.enum(["admin", "agent", "auditor"]),
  validHours: z.number().int().min(1),
});

const text = localized({
  en: {
    subject: (companyName: string) => `You are invited to ${companyName}'s privacy requests workspace`,
    heading: "Set up your staff account",
    preview: "Choose your password to start answering privacy requests.",
    intro: (companyName: string) =>
      `An administrator has invited you to the workspace where ${companyName}'s privacy team answers people's requests about their personal data.`,
    roles: {
      admin:
        "You will be an administrator: you manage staff, connectors and settings, and you will set up two-step sign-in with an authenticator app the first time you sign in.",
      agent: "You will be an agent: you handle requests, their deadlines and the tasks that fulfil them.",
      auditor: "You will be an auditor: you can read every request and its evidence, and change nothing.",
    },
    choose: "Choose your password with this link:",
    button: "Choose my password",
    validity: (hours: number) =>
      `The link works for ${hours} hours and only once. If it has expired, ask an administrator to invite you again.`,
    notYou: "If you did not expect this invitation, ignore this email: no account can be used until a password is chosen.",
    footer: (companyName: string) =>
      `You are receiving this email because an administrator of ${companyName} invited this address to the privacy team's workspace.`,
  },
  fr: {
    subject: (companyName: string) => `Vous êtes invité à l’espace de traitement des demandes de ${companyName}`,
    heading: "Créez votre compte équipe",
    preview: "Choisissez votre mot de passe pour commencer à traiter les demandes.",
    intro: (companyName: string) =>
      `Un administrateur vous a invité dans l’espace où l’équipe de ${companyName} répond aux demandes des personnes concernant leurs données personnelles.`,
    roles: {
      admin:
        "Vous serez administrateur\u00a0: vous gérez l’équipe, les connecteurs et les paramètres, et vous configurerez la connexion en deux étapes avec une application d’authentification lors de votre première connexion.",
      agent: "Vous serez agent\u00a0: vous traitez les demandes, leurs délais et les tâches qui y répondent.",
      auditor: "Vous serez auditeur\u00a0: vous pouvez consulter chaque demande et ses preuves, sans rien modifier.",
    },
    choose: "Choisissez votre mot de passe avec ce lien\u00a0:",
    button: "Choisir mon mot de passe",
    validity: (hours: number) =>
      `Le lien est valable ${hours}\u00a0heures et une seule fois. S’il a expiré, demandez à un administrateur de vous inviter à nouveau.`,
    notYou:
      "Si vous n’attendiez pas cette invitation, ignorez cet e-mail\u00a0: aucun compte n’est utilisable tant qu’un mot de passe n’a pas été choisi.",
    footer: (companyName: string) =>
      `Vous recevez cet e-mail parce qu’un administrateur de ${companyName} a invité cette adresse dans l’espace de l’équipe.`,
  },
});

export const staffInvitationEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName),
  component: function StaffInvitationEmail({ locale, companyName, inviteUrl, role, validHours }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading} footer={t.footer(companyName)}>
        <Paragraph>{t.intro(companyName)}</Paragraph>
        <Paragraph>{t.roles[role]}</Paragraph>
        <Paragraph>{t.choose}</Paragraph>
        <PrimaryButton href={inviteUrl}>{t.button}</PrimaryButton>
        <SmallPrint>
          <TextLink href={inviteUrl} />
        </SmallPrint>
        <Paragraph>{t.validity(validHours)}</Paragraph>
        <SmallPrint>{t.notYou}</SmallPrint>
      </EmailLayout>
    );
  },
});
