"use client";
// The 6-digit code form and "send me a new code" on the "check your email" page. Both are server
// actions, so they also work as plain form posts.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import type { ResendState, VerifyCodeState } from "../actions.schema.ts";
import { resendVerificationAction, verifyCodeAction } from "../actions.ts";
import { describedBy, FieldError, Hint, Marker } from "./form-parts.tsx";

/** `intro`: the "check your email" heading and text, shown only while the address waits for confirmation. */
type VerifyCodePanelProps = { locale: Locale; reference: string; intro: ReactNode };

export function VerifyCodePanel({ locale, reference, intro }: VerifyCodePanelProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  const [code, verifyAction, verifying] = useActionState<VerifyCodeState, FormData>(verifyCodeAction, { kind: "idle" });
  const [sent, resendAction, resending] = useActionState<ResendState, FormData>(resendVerificationAction, { kind: "idle" });
  const confirmedRef = useRef<HTMLHeadingElement>(null);
  const codeMessageRef = useRef<HTMLDivElement>(null);
  const codeInputRef = useRef<HTMLInputElement>(null);
  const resendMessageRef = useRef<HTMLDivElement>(null);
  // A new email makes the last code error stale ("too many attempts" no longer applies).
  const [seen, setSeen] = useState({ code, sent });
  const [codeErrorStale, setCodeErrorStale] = useState(false);
  if (seen.code !== code || seen.sent !== sent) {
    setCodeErrorStale(seen.sent !== sent && sent.kind === "sent");
    setSeen({ code, sent });
  }

  useEffect(() => {
    if (code.kind === "verified") confirmedRef.current?.focus();
    else if (code.kind === "error") {
      // A wrong code is shown at the field; other outcomes in a message above the form.
      const input = codeInputRef.current;
      if (input?.getAttribute("aria-invalid") === "true") input.focus();
      else codeMessageRef.current?.focus();
    }
  }, [code]);
  useEffect(() => {
    if (sent.kind === "error" && sent.closed === "CODES_USED_UP") codeMessageRef.current?.focus();
    else if (sent.kind !== "idle") resendMessageRef.current?.focus();
  }, [sent]);

  // A right code opens the status page; this is the address confirmed before, when no status link
  // can be given: nothing here may still ask to check the email.
  if (code.kind === "verified") {
    return (
      <section aria-labelledby="confirmed-title" role="status">
        <h1 id="confirmed-title" ref={confirmedRef} tabIndex={-1}>
          {t("submitted.confirmedTitle")}
        </h1>
        <p>{t("submitted.alreadyConfirmed")}</p>
        <ul className="references">
          {code.references.map((ref) => (
            <li key={ref}>
              <strong>{ref}</strong>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  // No code works any more (only the latest link does), or no new code can be sent: the forms that
  // would only be refused go, and the page says what is left to do.
  const codesUsedUp =
    (code.kind === "error" && code.code === "CODES_USED_UP") || (sent.kind === "error" && sent.closed === "CODES_USED_UP");
  const resendClosed = sent.kind === "error" && sent.closed !== undefined;
  if (codesUsedUp) {
    return (
      <>
        {intro}
        <section className="panel" aria-labelledby="code-title">
          <h2 id="code-title">{t("submitted.codesUsedUpTitle")}</h2>
          <div className="message message--error" role="alert" tabIndex={-1} ref={codeMessageRef}>
            {t("submitted.codesUsedUp")}
          </div>
          <p>
            <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
          </p>
        </section>
      </>
    );
  }

  const codeError = code.kind === "error" && !codeErrorStale ? code : null;
  // Input errors belong next to the field; the outcome of a real check is a message above it.
  const fieldMessage = codeError?.code === "INVALID_INPUT" || codeError?.code === "INVALID_CODE" ? codeError.message : undefined;

  return (
    <>
      {intro}
      <section className="panel" aria-labelledby="code-title">
        <h2 id="code-title">{t("submitted.codeTitle")}</h2>
        {codeError && !fieldMessage ? (
          <div className="message message--error" role="alert" tabIndex={-1} ref={codeMessageRef}>
            {codeError.message}
          </div>
        ) : null}
        <form action={verifyAction} noValidate>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="reference" value={reference} />
          <div className={`field${fieldMessage ? " field--error" : ""}`}>
            <label className="label" htmlFor="code">
              {t("submitted.codeLabel")}
              <Marker text={common("required")} />
            </label>
            <Hint id="code-hint">{t("submitted.codeHint")}</Hint>
            <FieldError id="code-error" label={common("error")} message={fieldMessage} />
            <input
              ref={codeInputRef}
              id="code"
              name="code"
              type="text"
              className="input input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              required
              aria-invalid={fieldMessage ? true : undefined}
              aria-describedby={describedBy("code-hint", fieldMessage && "code-error")}
            />
          </div>
          <button type="submit" className="button" aria-disabled={verifying || undefined}>
            {verifying ? t("submitted.codeSubmitting") : t("submitted.codeSubmit")}
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="resend-title">
        <h2 id="resend-title">{t("submitted.resendTitle")}</h2>
        <p>{t("submitted.resendText")}</p>
        {sent.kind !== "idle" ? (
          <div
            className={`message ${sent.kind === "sent" ? "message--success" : "message--error"}`}
            role={sent.kind === "sent" ? "status" : "alert"}
            tabIndex={-1}
            ref={resendMessageRef}
          >
            {sent.kind === "sent" ? t("submitted.resent") : sent.message}
          </div>
        ) : null}
        {resendClosed ? (
          <p>
            <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
          </p>
        ) : (
          <form action={resendAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="reference" value={reference} />
            <button type="submit" className="button button--secondary" aria-disabled={resending || undefined}>
              {resending ? t("submitted.resendSubmitting") : t("submitted.resendSubmit")}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
