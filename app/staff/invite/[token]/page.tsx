import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy.ts";
import { findStaffInvite } from "@/lib/staff-users/find-staff-invite.ts";
import { AuthForm } from "../../_components/auth-form.tsx";
import { acceptInviteAction } from "./actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAuth.invite");
  return { title: t("title") };
}

// Public, but only with a valid invitation link: no session is needed or read here. The language
// is the one chosen on the public pages (the `locale` cookie) or the browser's.
export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invite = await findStaffInvite(token);
  const t = await getTranslations("staffAuth");
  if (!invite) {
    return (
      <div className="staff-narrow">
        <h1>{t("invite.invalidTitle")}</h1>
        <p className="message message--error" role="alert">
          {t("errors.inviteInvalid")}
        </p>
        <p>{t.rich("invite.alreadySetUp", { link: (chunks) => <Link href="/staff/sign-in">{chunks}</Link> })}</p>
      </div>
    );
  }
  const shell = await getTranslations("staffShell");
  return (
    <div className="staff-narrow">
      <h1>{t("invite.title")}</h1>
      <p>
        {t.rich("invite.intro", {
          strong: (chunks) => <strong>{chunks}</strong>,
          role: shell(`role.${invite.role}`),
          email: invite.email,
          min: PASSWORD_MIN_LENGTH,
        })}
      </p>
      {invite.role === "ADMIN" ? <p>{t("invite.adminTwoFactor")}</p> : null}
      <AuthForm
        action={acceptInviteAction.bind(null, token)}
        submitLabel={t("invite.submit")}
        fields={[
          { name: "password", label: t("invite.password"), type: "password", autoComplete: "new-password" },
          { name: "confirmPassword", label: t("invite.confirmPassword"), type: "password", autoComplete: "new-password" },
        ]}
      />
      <p className="hint">{t("invite.then")}</p>
    </div>
  );
}
