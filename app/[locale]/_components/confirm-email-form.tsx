"use client";
// "Confirm my request", then what the confirmation did. The page's one heading follows the outcome
// and takes the focus, so a screen reader announces it.
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { t } from "@/lib/i18n/messages.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import type { ConfirmEmailState } from "../actions.schema.ts";
import { confirmEmailAction } from "../actions.ts";

type ConfirmEmailFormProps = { locale: Locale; token: string | null; expiresInHours: number };

export function ConfirmEmailForm({ locale, token, expiresInHours }: ConfirmEmailFormProps) {
  const m = t(locale);
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

  if (state.kind === "confirmed") {
    return (
      <div role="status">
        <h1 ref={headingRef} tabIndex={-1}>
          {m.verify.confirmedTitle}
        </h1>
        {state.alreadyVerified ? <p>{m.verify.alreadyConfirmed}</p> : null}
        <h2>{m.verify.requestsLabel}</h2>
        <ul className="references">
          {state.references.map((reference) => (
            <li key={reference}>
              <strong>{reference}</strong> ({m.verify.verifiedStatus})
            </li>
          ))}
        </ul>
        <h2>{m.verify.nextTitle}</h2>
        <p>{m.verify.nextText}</p>
      </div>
    );
  }

  if (state.kind === "expired" || state.kind === "replaced" || state.kind === "invalid") {
    const text = {
      expired: [m.verify.expiredTitle, m.verify.expiredText(expiresInHours)],
      replaced: [m.verify.replacedTitle, m.verify.replacedText],
      invalid: [m.verify.invalidTitle, m.verify.invalidText],
    }[state.kind];
    return (
      <div role="alert">
        <h1 ref={headingRef} tabIndex={-1}>
          {text[0]}
        </h1>
        <p>{text[1]}</p>
        <p>
          <Link href={`/${locale}`}>{m.common.newRequestLink}</Link>
        </p>
      </div>
    );
  }

  return (
    <>
      <h1>{m.verify.title}</h1>
      <p>{m.verify.intro}</p>
      {state.kind === "error" ? (
        <div className="message message--error" role="alert" tabIndex={-1} ref={messageRef}>
          {state.message}
        </div>
      ) : null}
      <form action={formAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token ?? ""} />
        <button type="submit" className="button button--large" aria-disabled={pending || undefined}>
          {pending ? m.verify.submitting : m.verify.submit}
        </button>
      </form>
    </>
  );
}
