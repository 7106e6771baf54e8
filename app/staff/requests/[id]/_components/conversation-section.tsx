// Messages exchanged with the person, and the team's internal notes (never shown to the person).
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { addNoteAction, messagePersonAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

export function MessagesSection({ details, canWrite, timeZone }: { details: RequestDetails; canWrite: boolean; timeZone: string }) {
  const t = useTranslations("staffRequest");
  const locale = useLocale();
  return (
    <section aria-labelledby="messages-heading" className="request-section">
      <h2 id="messages-heading">{t("messages.heading")}</h2>
      {details.messages.length === 0 ? (
        <p>{t("messages.none")}</p>
      ) : (
        <ol className="messages">
          {details.messages.map((message) => (
            <li key={message.id} className={message.direction === "TO_SUBJECT" ? "message-item message-item--team" : "message-item"}>
              <p className="message-item__meta">
                {message.direction === "TO_SUBJECT"
                  ? message.author
                    ? t("messages.toPersonFrom", { author: message.author, at: formatInstant(message.createdAt, locale, timeZone) })
                    : t("messages.toPerson", { at: formatInstant(message.createdAt, locale, timeZone) })
                  : t("messages.fromPerson", { at: formatInstant(message.createdAt, locale, timeZone) })}
              </p>
              <p className="prewrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && details.actions.messagePerson ? (
        <ActionForm action={messagePersonAction} reference={details.request.reference} submitLabel={t("messages.send")}>
          <div className="field">
            <label className="label" htmlFor="message-body">
              {t("messages.write")}
            </label>
            <p className="hint" id="message-body-hint">
              {t("messages.writeHint", { language: t(details.person.locale === "fr" ? "language.fr" : "language.en") })}
            </p>
            <textarea id="message-body" name="message" className="textarea" rows={4} required aria-describedby="message-body-hint" />
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}

export function NotesSection({ details, canNote, timeZone }: { details: RequestDetails; canNote: boolean; timeZone: string }) {
  const t = useTranslations("staffRequest.notes");
  const locale = useLocale();
  return (
    <section aria-labelledby="notes-heading" className="request-section">
      <h2 id="notes-heading">{t("heading")}</h2>
      {details.notes.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="messages">
          {details.notes.map((note) => (
            <li key={note.id} className="message-item">
              <p className="message-item__meta">
                {t("meta", { author: note.author, at: formatInstant(note.createdAt, locale, timeZone) })}
              </p>
              <p className="prewrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canNote ? (
        <ActionForm action={addNoteAction} reference={details.request.reference} submitLabel={t("add")}>
          <div className="field">
            <label className="label" htmlFor="note-body">
              {t("new")}
            </label>
            <p className="hint" id="note-body-hint">
              {t("hint")}
            </p>
            <textarea id="note-body" name="body" className="textarea" rows={3} required aria-describedby="note-body-hint" />
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}
