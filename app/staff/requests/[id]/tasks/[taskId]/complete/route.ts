// POST /staff/requests/{id}/tasks/{taskId}/complete: staff complete a manual task with a note and,
// for access, the document found (up to 50 MB). A route handler rather than a server action, so
// that only this address accepts large bodies: server actions keep Next's 1 MB limit, and proxy.ts
// leaves this path alone so the upload is not buffered twice. The page posts here with fetch (JSON
// answer); without JavaScript the form posts here and is sent back to the request page.
import { revalidatePath } from "next/cache";
import { requireStaffFromPage } from "@/lib/auth/require-staff-from-page.ts";
import { formDataToObject } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { db } from "@/lib/db.ts";
import { AppError } from "@/lib/errors.ts";
import { completeManualTask, MAX_UPLOAD_BYTES } from "@/lib/fulfilment/complete-manual-task.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { completeTaskFormSchema } from "../../../actions.schema.ts";

// Room for the note and the multipart framing around the largest file.
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** A path segment as typed; one that cannot be decoded names no request. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

type Context = { params: Promise<{ id: string; taskId: string }> };

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const principal = await requireStaffFromPage(request, "tasks.manage");
  const { id, taskId } = await params;
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length)) throw new AppError("BAD_REQUEST", "Send the form with its length (a Content-Length header).");
  if (length > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file must be at most 50 MB.");
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as multipart/form-data.");
  }
  const form = completeTaskFormSchema.parse(formDataToObject(await request.formData()));
  if (form.taskId !== taskId) throw new AppError("BAD_REQUEST", "The task in the form is not the task of this address.");
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    select: { request: { select: { id: true, reference: true } } },
  });
  const requestKey = decodedSegment(id);
  if (!task || (task.request.id !== requestKey && task.request.reference !== requestKey)) {
    throw new AppError("NOT_FOUND", `Request ${requestKey.slice(0, 40)} has no task ${taskId}.`);
  }
  const file = form.file ? { name: form.file.name, content: Buffer.from(await form.file.arrayBuffer()) } : undefined;
  await completeManualTask(taskId, { note: form.note, erased: form.erased, file }, actorOf(principal));
  revalidatePath(`/staff/requests/${task.request.id}`);
  revalidatePath(`/staff/requests/${task.request.reference}`);
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(null, { status: 303, headers: { location: `/staff/requests/${task.request.id}`, "cache-control": "no-store" } });
  }
  return jsonResponse({ message: file ? `Task completed with ${file.name}.` : "Task completed." });
});
