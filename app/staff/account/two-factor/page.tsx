import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { currentStaffSession } from "@/lib/auth/require-staff.ts";
import { beginTwoFactorSetup } from "@/lib/auth/set-up-two-factor.ts";
import { db } from "@/lib/db.ts";
import { AuthForm } from "../../_components/auth-form.tsx";
import { confirmTwoFactorAction } from "../../auth-actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAccount.setUpTwoFactor");
  return { title: t("title") };
}

export default async function SetUpTwoFactorPage() {
  await connection();
  const session = await currentStaffSession();
  if (!session) redirect("/staff/sign-in");
  if (session.stage === "second-factor") redirect("/staff/two-factor");
  if (session.stage === "change-password") redirect("/staff/account/password");
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: session.principal.userId }, select: { totpEnabledAt: true } });
  // Turning two-factor on renews the session cookie, which re-renders this page at once: it must not
  // redirect then, or the recovery codes (shown only in the form's answer) would be lost. The form
  // stays in the same place so its answer survives; a later visit finds two-factor already on.
  const setup = user.totpEnabledAt ? null : await beginTwoFactorSetup(session.principal.userId);
  const t = await getTranslations("staffAccount.setUpTwoFactor");
  const qr = setup ? await QRCode.toString(setup.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
  return (
    <div className="staff-narrow">
      <h1>{t("title")}</h1>
      {setup && qr ? (
        <>
          {session.stage === "setup-two-factor" ? <p className="notice">{t("adminsMust")}</p> : null}
          <ol>
            <li>{t("step1")}</li>
            <li>{t("step2")}</li>
            <li>{t("step3")}</li>
          </ol>
          {/* biome-ignore lint/performance/noImgElement: a data: URL of an SVG made on the server; nothing to optimise. */}
          <img
            className="qr-code"
            src={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
            alt={t("qrAlt")}
            width={200}
            height={200}
          />
          <p>
            {t("key")} <code className="totp-secret">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
        </>
      ) : null}
      <AuthForm
        action={confirmTwoFactorAction}
        submitLabel={t("submit")}
        fields={[{ name: "code", label: t("code"), type: "text", autoComplete: "one-time-code", inputMode: "numeric" }]}
        done={setup ? undefined : <p>{t.rich("alreadyOn", { link: (chunks) => <Link href="/staff/account">{chunks}</Link> })}</p>}
      />
    </div>
  );
}
