// One row per connector × action: state, attempts, the last error in full (staff only), the
// receipt; a retry for a failed task and a completion form for a manual task waiting for staff.
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { retryFinaliseAction, retryTaskAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";
import { ReceiptView } from "./receipt-view.tsx";
import { UploadForm } from "./upload-form.tsx";

type Task = RequestDetails["tasks"][number];

export function TasksSection({ details, canManage, timeZone }: { details: RequestDetails; canManage: boolean; timeZone: string }) {
  const { tasks, actions, request } = details;
  const t = useTranslations("staffRequest.tasks");
  const labels = useTranslations("staffLabels");
  const locale = useLocale();
  const at = (date: Date) => formatInstant(date, locale, timeZone);
  return (
    <section aria-labelledby="tasks-heading" className="request-section">
      <h2 id="tasks-heading">{t("heading")}</h2>
      {actions.retryFinalise && request.finaliseFailedAt ? (
        <div className="notice notice--error" role="alert" aria-labelledby="finalise-failed-heading">
          <h3 id="finalise-failed-heading">{t("finaliseFailedHeading")}</h3>
          <p>{t("finaliseFailed", { at: at(request.finaliseFailedAt) })}</p>
          {request.finaliseError ? (
            <>
              <p className="label">{t("finaliseCause")}</p>
              <pre className="task-error">{request.finaliseError}</pre>
            </>
          ) : null}
          {canManage ? <ActionForm action={retryFinaliseAction} reference={request.reference} submitLabel={t("retryFinalise")} /> : null}
        </div>
      ) : null}
      {tasks.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("lastError")}</th>
                <th scope="col">{t("receipt")}</th>
                <th scope="col">{t("timing")}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.id}>
                  <th scope="row">
                    {task.connectorName}{" "}
                    <span className="hint">
                      ({task.connectorKey}, {task.connectorType})
                    </span>
                  </th>
                  <td>{labels(`right.${task.action}`)}</td>
                  <td>
                    <span className={`task-status task-status--${task.status.toLowerCase()}`}>{t(`taskStatus.${task.status}`)}</span>
                  </td>
                  <td>{task.attempts}</td>
                  <td>{task.lastError ? <pre className="task-error">{task.lastError}</pre> : "—"}</td>
                  <td>
                    {task.receipt ? <ReceiptView receipt={task.receipt} /> : null}
                    {task.note ? (
                      <p className="prewrap">
                        {task.note}
                        {task.completedBy ? ` (${task.completedBy})` : ""}
                      </p>
                    ) : null}
                    {!task.receipt && !task.note ? "—" : null}
                  </td>
                  <td>
                    {task.startedAt ? <div>{t("started", { at: at(task.startedAt) })}</div> : null}
                    {task.finishedAt ? <div>{t("finished", { at: at(task.finishedAt) })}</div> : null}
                    {task.callbackDeadline && !task.finishedAt ? <div>{t("callbackBy", { at: at(task.callbackDeadline) })}</div> : null}
                    {canManage && actions.retryTask(task) ? (
                      <ActionForm
                        action={retryTaskAction}
                        reference={request.reference}
                        hidden={{ taskId: task.id }}
                        submitLabel={t("retry")}
                        secondary
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage
        ? tasks
            .filter((task) => actions.completeTask(task))
            .map((task) => <CompleteTaskForm key={task.id} task={task} reference={request.reference} requestId={request.id} />)
        : null}
    </section>
  );
}

function CompleteTaskForm({ task, reference, requestId }: { task: Task; reference: string; requestId: string }) {
  const prefix = `task-${task.id}`;
  const takesFile = task.action === "ACCESS" || task.action === "PORTABILITY";
  const t = useTranslations("staffRequest.tasks");
  const labels = useTranslations("staffLabels");
  return (
    <section aria-labelledby={`${prefix}-heading`} className="panel manual-task">
      <h3 id={`${prefix}-heading`}>{t("manualHeading", { connector: task.connectorName, right: labels(`right.${task.action}`) })}</h3>
      <UploadForm action={`/staff/requests/${requestId}/tasks/${task.id}/complete`} submitLabel={t("complete")}>
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="taskId" value={task.id} />
        <div className="field">
          <label className="label" htmlFor={`${prefix}-note`}>
            {t("whatWasDone")}
          </label>
          <p className="hint" id={`${prefix}-note-hint`}>
            {t("whatWasDoneHint")}
          </p>
          <textarea id={`${prefix}-note`} name="note" className="textarea" rows={3} required aria-describedby={`${prefix}-note-hint`} />
        </div>
        {task.action === "ERASURE" ? (
          <div className="field">
            <label className="label" htmlFor={`${prefix}-erased`}>
              {t("erased")}
            </label>
            <input id={`${prefix}-erased`} name="erased" type="number" min={0} step={1} className="input" inputMode="numeric" />
          </div>
        ) : null}
        {takesFile ? (
          <div className="field">
            <label className="label" htmlFor={`${prefix}-file`}>
              {t("file")}
            </label>
            <p className="hint" id={`${prefix}-file-hint`}>
              {t("fileHint")}
            </p>
            <input id={`${prefix}-file`} name="file" type="file" className="input" aria-describedby={`${prefix}-file-hint`} />
          </div>
        ) : null}
      </UploadForm>
    </section>
  );
}
