"use client";
// A form that posts files to a route handler (not a server action, whose bodies stay small): with
// JavaScript it sends the form with fetch, announces a refusal where the form is, and on success
// announces it and reloads the page (the task's row then shows what was recorded); without, the
// browser posts it and the route sends it back to the request page.
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";

type Outcome = { ok: boolean; message: string } | null;

export function UploadForm({ action, submitLabel, children }: { action: string; submitLabel: string; children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations("staffRequest.tasks");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch(action, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { accept: "application/json" },
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      if (response.ok) {
        setOutcome({ ok: true, message: body.message ?? t("uploadDone") });
        window.location.reload();
      } else {
        setOutcome({ ok: false, message: body.error?.message ?? t("uploadRefused", { status: response.status }) });
      }
    } catch {
      setOutcome({ ok: false, message: t("uploadUnreachable") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={submit} className="staff-form action-form">
      {children}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
      {outcome ? (
        <p className={outcome.ok ? "message message--success" : "message message--error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
