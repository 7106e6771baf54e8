// An internal note on a request, for colleagues only: never shown to the person, and its text
// never goes into the audit log (which an evidence bundle may hand over), only its id.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { safeText } from "../http/safe-text.ts";

export const addRequestNoteSchema = z.object({
  body: safeText({ multiline: true }).trim().min(1, "Write the note.").max(10_000, "Keep the note under 10,000 characters."),
});

export async function addRequestNote(options: { reference: string; body: string; actor: Actor }) {
  const { body } = addRequestNoteSchema.parse({ body: options.body });
  const { actor } = options;
  // A note has an author account; an API key or the system cannot sign one.
  if (actor.type !== "STAFF" || !actor.id) throw new AppError("FORBIDDEN", "Only a signed-in staff member can write a note.");
  const authorId = actor.id;
  return db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: { reference: options.reference }, select: { id: true } });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    const author = await tx.staffUser.findUnique({ where: { id: authorId }, select: { disabledAt: true } });
    if (!author || author.disabledAt) throw new AppError("FORBIDDEN", "Only an active staff member can write a note.");
    const note = await tx.requestNote.create({ data: { requestId: request.id, authorId, body }, select: { id: true, createdAt: true } });
    await appendAuditEvent(tx, { requestId: request.id, actor, action: "request.note-added", data: { noteId: note.id } });
    return { noteId: note.id, createdAt: note.createdAt };
  });
}
