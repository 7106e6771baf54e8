"use client";
// "Confirm my request". Once confirmed, the action opens the private status page (the one
// confirmation page, true to the requests' state); a link that cannot confirm gets a heading saying
// why, which takes the focus so a screen reader announces it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import type { ConfirmEmailState } from "../actions.schema.ts";
import { confirmEmailAction } from "../actions.ts";

type ConfirmEmailFormProps = { locale: Locale; token: string | null; expiresInHours: number };

export function ConfirmEmailForm({ locale, token, expiresInHours }: ConfirmEmailFormProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  const [state, formAction, pending] = useActionState<ConfirmEmailState, FormData>(
    confirmEmailAction,
    token ? { kind: "idle" } : { kind: "invalid" },
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.kind === "error") messageRef.current?.focus();
    else if (state.kind !== "idle" && token) headingRef.current?.focus();
  }, [state, token]);

  if (state.kind === "expired" || state.kind === "replaced" || state.kind === "invalid") {
    const text = {
      expired: [t("verify.expiredTitle"), t("verify.expiredText", { hours: expiresInHours })],
      replaced: [t("verify.replacedTitle"), t("verify.replacedText")],
      invalid: [t("verify.invalidTitle"), t("verify.invalidText")],
    }[state.kind];
    return (
      <div role="alert">
        <h1 ref={headingRef} tabIndex={-1}>
          {text[0]}
        </h1>
        <p>{text[1]}</p>
        <p>
          <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      {state.kind === "error" ? (
        <div className="message message--error" role="alert" tabIndex={-1} ref={messageRef}>
          {state.message}
        </div>
      ) : null}
      <form action={formAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token ?? ""} />
        <button type="submit" className="button button--large" aria-disabled={pending || undefined}>
          {pending ? t("verify.submitting") : t("verify.submit")}
        </button>
      </form>
    </>
  );
}
