// The decisions this role may take on the request in its current state, and nothing else: an
// auditor, or a closed request, sees no button that changes anything. The server refuses the
// same calls anyway (runStaffAction and each service).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { approveAction, askForInformationAction, assignAction, closeAction, extendAction, informationReceivedAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { DenyForm } from "./deny-form.tsx";
import { formatDay } from "./format.ts";

export type Allowed = { decide: boolean; assign: boolean };

export function ActionsSection({ details, allowed, myEmail }: { details: RequestDetails; allowed: Allowed; myEmail: string }) {
  const { actions, request, deadline } = details;
  const reference = request.reference;
  const decide = allowed.decide;
  const forms = [
    decide && actions.approve ? (
      <ActionForm key="approve" action={approveAction} reference={reference} submitLabel="Approve">
        <p>Creates one task per enabled connector for this right and starts them.</p>
      </ActionForm>
    ) : null,
    decide && actions.askForInformation ? (
      <ActionForm key="ask" action={askForInformationAction} reference={reference} submitLabel="Ask for information" secondary>
        <div className="field">
          <label className="label" htmlFor="ask-kind">
            What for
          </label>
          <select id="ask-kind" name="kind" className="select" defaultValue="clarification">
            <option value="clarification">Clarification of the request</option>
            <option value="identity">Proof of identity</option>
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="ask-message">
            What you need from the person
          </label>
          <textarea id="ask-message" name="message" className="textarea" rows={4} required />
        </div>
      </ActionForm>
    ) : null,
    decide && actions.recordInformationReceived ? (
      <ActionForm key="received" action={informationReceivedAction} reference={reference} submitLabel="Mark information received" secondary>
        <p>When the answer came by another channel than the status page. The clock resumes (or restarts where the law says so).</p>
      </ActionForm>
    ) : null,
    decide && actions.extend ? (
      <ActionForm key="extend" action={extendAction} reference={reference} submitLabel="Extend deadline" secondary>
        <p className="hint" id="extend-hint">
          Up to {formatDay(deadline.maxExtendedDueDate)}; the person must be told by {formatDay(deadline.extensionNoticeBy)}. They receive
          these reasons.
        </p>
        <div className="field">
          <label className="label" htmlFor="extend-reason">
            Reasons for the extension
          </label>
          <textarea id="extend-reason" name="reason" className="textarea" rows={3} required aria-describedby="extend-hint" />
        </div>
      </ActionForm>
    ) : null,
    allowed.assign && actions.assign ? (
      <ActionForm key="assign" action={assignAction} reference={reference} submitLabel="Assign" secondary>
        <div className="field">
          <label className="label" htmlFor="assignee">
            Assignee
          </label>
          <select id="assignee" name="assigneeEmail" className="select" defaultValue={request.assignee?.email ?? myEmail}>
            <option value="">Nobody (unassign)</option>
            {details.assignees.map((email) => (
              <option key={email} value={email}>
                {email === myEmail ? `Me (${email})` : email}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
    ) : null,
    decide && actions.close ? (
      <ActionForm key="close" action={closeAction} reference={reference} submitLabel="Close request" secondary>
        <fieldset className="group">
          <legend className="legend legend--small">Outcome</legend>
          <label className="checkbox">
            <input type="radio" name="outcome" value="FULFILLED" defaultChecked /> Fulfilled: everything asked was done
          </label>
          <label className="checkbox">
            <input type="radio" name="outcome" value="PARTIALLY_FULFILLED" /> Partially fulfilled: explain what was not done and why
          </label>
        </fieldset>
        <div className="field">
          <label className="label" htmlFor="close-message">
            Message to the person
          </label>
          <textarea id="close-message" name="message" className="textarea" rows={3} />
        </div>
      </ActionForm>
    ) : null,
    decide && actions.denyReasons.length > 0 ? <DenyForm key="deny" reference={reference} reasons={actions.denyReasons} /> : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="actions-heading" className="request-section">
      <h2 id="actions-heading">Actions</h2>
      {forms.length > 0 ? <div className="action-grid">{forms}</div> : <p>No action is open to your role at this stage of the request.</p>}
    </section>
  );
}
