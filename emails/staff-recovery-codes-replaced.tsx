import { localized } from "./components/i18n.ts";
import { staffSecurityNotice } from "./components/staff-security-notice.tsx";

/** Written by lib/auth/regenerate-recovery-codes.ts (apply-two-factor-change.ts). */
export const staffRecoveryCodesReplacedEmail = staffSecurityNotice(
  localized({
    en: {
      subject: "New recovery codes were made for your staff account",
      heading: "Your recovery codes were replaced",
      preview: "Your earlier recovery codes no longer work.",
      what: "New two-factor recovery codes were made for your staff account, with your password and a code. The earlier ones no longer work, and your other sessions were ended.",
      notYou:
        "If this was not you, someone has your password and your authenticator or a recovery code: sign in, change your password, make new recovery codes, and tell an administrator.",
      you: "If it was you, keep the new codes somewhere safe, away from your phone.",
    },
    fr: {
      subject: "De nouveaux codes de secours ont été créés pour votre compte équipe",
      heading: "Vos codes de secours ont été remplacés",
      preview: "Vos anciens codes de secours ne fonctionnent plus.",
      what: "De nouveaux codes de secours pour la vérification en deux étapes ont été créés pour votre compte équipe, avec votre mot de passe et un code. Les anciens ne fonctionnent plus et vos autres sessions ont été fermées.",
      notYou:
        "Si ce n’était pas vous, quelqu’un dispose de votre mot de passe et de votre application d’authentification ou d’un code de secours\u00a0: connectez-vous, changez votre mot de passe, créez de nouveaux codes de secours et prévenez un administrateur.",
      you: "Si c’était vous, gardez les nouveaux codes en lieu sûr, loin de votre téléphone.",
    },
  }),
);
