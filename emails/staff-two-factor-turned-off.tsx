import { localized } from "./components/i18n.ts";
import { staffSecurityNotice } from "./components/staff-security-notice.tsx";

/** Written by lib/auth/turn-off-two-factor.ts (apply-two-factor-change.ts). */
export const staffTwoFactorTurnedOffEmail = staffSecurityNotice(
  localized({
    en: {
      subject: "Two-factor was turned off on your staff account",
      heading: "Two-factor is off",
      preview: "Your account now signs in with the password alone.",
      what: "Two-factor sign-in was turned off on your staff account, with your password and a code. Your other sessions were ended.",
      notYou:
        "If this was not you, someone has your password and your authenticator or a recovery code: sign in, change your password, turn two-factor on again, and tell an administrator.",
      you: "If it was you, nothing more is needed. You can turn it on again from your account page at any time.",
    },
    fr: {
      subject: "La vérification en deux étapes a été désactivée sur votre compte équipe",
      heading: "La vérification en deux étapes est désactivée",
      preview: "Votre compte se connecte désormais avec le seul mot de passe.",
      what: "La vérification en deux étapes a été désactivée sur votre compte équipe, avec votre mot de passe et un code. Vos autres sessions ont été fermées.",
      notYou:
        "Si ce n’était pas vous, quelqu’un dispose de votre mot de passe et de votre application d’authentification ou d’un code de secours\u00a0: connectez-vous, changez votre mot de passe, réactivez la vérification en deux étapes et prévenez un administrateur.",
      you: "Si c’était vous, rien d’autre à faire. Vous pouvez la réactiver à tout moment depuis la page de votre compte.",
    },
  }),
);
