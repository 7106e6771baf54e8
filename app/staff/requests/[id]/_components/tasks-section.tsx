// One row per connector × action: state, attempts, the last error in full (staff only), the
// receipt; a retry for a failed task and a completion form for a manual task waiting for staff.
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { retryTaskAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant, words } from "./format.ts";
import { ReceiptView } from "./receipt-view.tsx";
import { UploadForm } from "./upload-form.tsx";

type Task = RequestDetails["tasks"][number];

export function TasksSection({ details, canManage, timeZone }: { details: RequestDetails; canManage: boolean; timeZone: string }) {
  const { tasks, actions, request } = details;
  return (
    <section aria-labelledby="tasks-heading" className="request-section">
      <h2 id="tasks-heading">Connector tasks</h2>
      {tasks.length === 0 ? (
        <p>No connector tasks: they are created when the request is approved.</p>
      ) : (
        <div className="table-scroll">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Action</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Receipt and note</th>
                <th scope="col">Timing</th>
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
                  <td>{words(task.action)}</td>
                  <td>
                    <span className={`task-status task-status--${task.status.toLowerCase()}`}>{words(task.status)}</span>
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
                    {task.startedAt ? <div>started {formatInstant(task.startedAt, timeZone)}</div> : null}
                    {task.finishedAt ? <div>finished {formatInstant(task.finishedAt, timeZone)}</div> : null}
                    {task.callbackDeadline && !task.finishedAt ? (
                      <div>callback by {formatInstant(task.callbackDeadline, timeZone)}</div>
                    ) : null}
                    {canManage && actions.retryTask(task) ? (
                      <ActionForm
                        action={retryTaskAction}
                        reference={request.reference}
                        hidden={{ taskId: task.id }}
                        submitLabel="Retry"
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
  return (
    <section aria-labelledby={`${prefix}-heading`} className="panel manual-task">
      <h3 id={`${prefix}-heading`}>
        Manual task: {task.connectorName} ({words(task.action)})
      </h3>
      <UploadForm action={`/staff/requests/${requestId}/tasks/${task.id}/complete`} submitLabel="Complete task">
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="taskId" value={task.id} />
        <div className="field">
          <label className="label" htmlFor={`${prefix}-note`}>
            What was done
          </label>
          <p className="hint" id={`${prefix}-note-hint`}>
            At least 5 characters. Kept with the task as evidence; not sent to the person.
          </p>
          <textarea id={`${prefix}-note`} name="note" className="textarea" rows={3} required aria-describedby={`${prefix}-note-hint`} />
        </div>
        {task.action === "ERASURE" ? (
          <div className="field">
            <label className="label" htmlFor={`${prefix}-erased`}>
              Records erased (if known)
            </label>
            <input id={`${prefix}-erased`} name="erased" type="number" min={0} step={1} className="input" inputMode="numeric" />
          </div>
        ) : null}
        {takesFile ? (
          <div className="field">
            <label className="label" htmlFor={`${prefix}-file`}>
              Document found (optional)
            </label>
            <p className="hint" id={`${prefix}-file-hint`}>
              Up to 50 MB. It goes into the person's package, with its fingerprint.
            </p>
            <input id={`${prefix}-file`} name="file" type="file" className="input" aria-describedby={`${prefix}-file-hint`} />
          </div>
        ) : null}
      </UploadForm>
    </section>
  );
}
