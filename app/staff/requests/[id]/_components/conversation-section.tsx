// Messages exchanged with the person, and the team's internal notes (never shown to the person).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { addNoteAction, messagePersonAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

export function MessagesSection({ details, canWrite, timeZone }: { details: RequestDetails; canWrite: boolean; timeZone: string }) {
  return (
    <section aria-labelledby="messages-heading" className="request-section">
      <h2 id="messages-heading">Messages with the person</h2>
      {details.messages.length === 0 ? (
        <p>No messages.</p>
      ) : (
        <ol className="messages">
          {details.messages.map((message) => (
            <li key={message.id} className={message.direction === "TO_SUBJECT" ? "message-item message-item--team" : "message-item"}>
              <p className="message-item__meta">
                {message.direction === "TO_SUBJECT"
                  ? `To the person${message.author ? `, from ${message.author}` : ""}`
                  : "From the person"}
                , {formatInstant(message.createdAt, timeZone)}
              </p>
              <p className="prewrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && details.actions.messagePerson ? (
        <ActionForm action={messagePersonAction} reference={details.request.reference} submitLabel="Send to the person">
          <div className="field">
            <label className="label" htmlFor="message-body">
              Write to the person
            </label>
            <p className="hint" id="message-body-hint">
              Emailed to them and shown on their status page, where they can answer. Write in their language (
              {details.person.locale === "fr" ? "French" : "English"}).
            </p>
            <textarea id="message-body" name="message" className="textarea" rows={4} required aria-describedby="message-body-hint" />
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}

export function NotesSection({ details, canNote, timeZone }: { details: RequestDetails; canNote: boolean; timeZone: string }) {
  return (
    <section aria-labelledby="notes-heading" className="request-section">
      <h2 id="notes-heading">Internal notes</h2>
      {details.notes.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ol className="messages">
          {details.notes.map((note) => (
            <li key={note.id} className="message-item">
              <p className="message-item__meta">
                {note.author}, {formatInstant(note.createdAt, timeZone)}
              </p>
              <p className="prewrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canNote ? (
        <ActionForm action={addNoteAction} reference={details.request.reference} submitLabel="Add note">
          <div className="field">
            <label className="label" htmlFor="note-body">
              New note
            </label>
            <p className="hint" id="note-body-hint">
              Seen by staff only, never by the person.
            </p>
            <textarea id="note-body" name="body" className="textarea" rows={3} required aria-describedby="note-body-hint" />
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}
