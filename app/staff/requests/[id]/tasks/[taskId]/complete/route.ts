// POST /staff/requests/{id}/tasks/{taskId}/complete: staff complete a manual task with a note and,
// for access, the document found (up to 50 MB). A route handler rather than a server action, so
// that only this address accepts large bodies: server actions keep Next's 1 MB limit, and proxy.ts
// leaves this path alone so the upload is not buffered twice. The page posts here with fetch (JSON
// answer); without JavaScript the form posts here and is sent back to the request page. Only the
// staff page calls it, so its answers and refusals are in the member's language.
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireStaffFromPage } from "@/lib/auth/require-staff-from-page.ts";
import { formDataToObject } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { staffRefusal } from "@/lib/auth/staff-refusal.ts";
import { db } from "@/lib/db.ts";
import { AppError, isAppError } from "@/lib/errors.ts";
import { completeManualTask, MAX_UPLOAD_BYTES } from "@/lib/fulfilment/complete-manual-task.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { localiseActionError } from "@/lib/i18n/localise-action-error.ts";
import { staffLocaleOf } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
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

export const POST = apiRoute(async (request: Request, context: Context) => {
  const locale = await staffLocaleOf(request);
  try {
    return await completeTask(request, context, locale);
  } catch (error) {
    throw inMemberLanguage(error, locale);
  }
});

/** A refusal with its words in the member's language (its MessageRef, or each field's). */
function inMemberLanguage(error: unknown, locale: Locale): unknown {
  const refusal =
    error instanceof ZodError
      ? new AppError("VALIDATION_FAILED", "Invalid form", {
          issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
        })
      : error;
  if (!isAppError(refusal)) return error;
  const said = localiseActionError(
    { ok: false, error: { code: refusal.code, message: refusal.message, issues: refusal.issues, text: refusal.text } },
    locale,
  );
  if (said.ok) return error;
  const issues = said.error.issues;
  const message = !refusal.text && issues?.length ? issues.map((issue) => issue.message).join(" ") : said.error.message;
  return new AppError(refusal.code, message, { issues, retryAfterSeconds: refusal.retryAfterSeconds });
}

async function completeTask(request: Request, { params }: Context, locale: Locale): Promise<Response> {
  const principal = await requireStaffFromPage(request, "tasks.manage");
  const { id, taskId } = await params;
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length)) throw staffRefusal("BAD_REQUEST", { key: "staffRequest.tasks.formLength" });
  if (length > MAX_BODY_BYTES) throw staffRefusal("PAYLOAD_TOO_LARGE", { key: "staffRequest.tasks.fileTooLarge" });
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw staffRefusal("UNSUPPORTED_MEDIA_TYPE", { key: "staffRequest.tasks.formType" });
  }
  const form = completeTaskFormSchema.parse(formDataToObject(await request.formData()));
  if (form.taskId !== taskId) throw staffRefusal("BAD_REQUEST", { key: "staffRequest.tasks.otherTask" });
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    select: { request: { select: { id: true, reference: true } } },
  });
  const requestKey = decodedSegment(id);
  if (!task || (task.request.id !== requestKey && task.request.reference !== requestKey)) {
    throw staffRefusal("NOT_FOUND", { key: "staffRequest.tasks.noSuchTask", values: { request: requestKey.slice(0, 40), task: taskId } });
  }
  const file = form.file ? { name: form.file.name, content: Buffer.from(await form.file.arrayBuffer()) } : undefined;
  await completeManualTask(taskId, { note: form.note, erased: form.erased, file }, actorOf(principal));
  revalidatePath(`/staff/requests/${task.request.id}`);
  revalidatePath(`/staff/requests/${task.request.reference}`);
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(null, { status: 303, headers: { location: `/staff/requests/${task.request.id}`, "cache-control": "no-store" } });
  }
  const t = translator(locale);
  return jsonResponse({
    message: file ? t("staffRequest.tasks.completedWithFile", { file: file.name }) : t("staffRequest.tasks.completed"),
  });
}
