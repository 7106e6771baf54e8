// The decisions this role may take on the request in its current state, and nothing else: an
// auditor, or a closed request, sees no button that changes anything. The server refuses the
// same calls anyway (runStaffAction and each service).
import { useLocale, useTranslations } from "next-intl";
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
  const t = useTranslations("staffRequest.actions");
  const locale = useLocale();
  const forms = [
    decide && actions.approve ? (
      <ActionForm key="approve" action={approveAction} reference={reference} submitLabel={t("approve")}>
        <p>{t("approveHint")}</p>
      </ActionForm>
    ) : null,
    decide && actions.askForInformation ? (
      <ActionForm key="ask" action={askForInformationAction} reference={reference} submitLabel={t("ask")} secondary>
        <div className="field">
          <label className="label" htmlFor="ask-kind">
            {t("askKind")}
          </label>
          <select id="ask-kind" name="kind" className="select" defaultValue="clarification">
            <option value="clarification">{t("askClarification")}</option>
            <option value="identity">{t("askIdentity")}</option>
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="ask-message">
            {t("askMessage")}
          </label>
          <textarea id="ask-message" name="message" className="textarea" rows={4} required />
        </div>
      </ActionForm>
    ) : null,
    decide && actions.recordInformationReceived ? (
      <ActionForm key="received" action={informationReceivedAction} reference={reference} submitLabel={t("received")} secondary>
        <p>{t("receivedHint")}</p>
      </ActionForm>
    ) : null,
    decide && actions.extend ? (
      <ActionForm key="extend" action={extendAction} reference={reference} submitLabel={t("extend")} secondary>
        <p className="hint" id="extend-hint">
          {t("extendHint", {
            latest: formatDay(deadline.maxExtendedDueDate, locale),
            noticeBy: formatDay(deadline.extensionNoticeBy, locale),
          })}
        </p>
        <div className="field">
          <label className="label" htmlFor="extend-reason">
            {t("extendReason")}
          </label>
          <textarea id="extend-reason" name="reason" className="textarea" rows={3} required aria-describedby="extend-hint" />
        </div>
      </ActionForm>
    ) : null,
    allowed.assign && actions.assign ? (
      <ActionForm key="assign" action={assignAction} reference={reference} submitLabel={t("assign")} secondary>
        <div className="field">
          <label className="label" htmlFor="assignee">
            {t("assignee")}
          </label>
          <select id="assignee" name="assigneeEmail" className="select" defaultValue={request.assignee?.email ?? myEmail}>
            <option value="">{t("unassign")}</option>
            {details.assignees.map((email) => (
              <option key={email} value={email}>
                {email === myEmail ? t("me", { email }) : email}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
    ) : null,
    decide && actions.close ? (
      <ActionForm key="close" action={closeAction} reference={reference} submitLabel={t("close")} secondary>
        <fieldset className="group">
          <legend className="legend legend--small">{t("outcome")}</legend>
          <label className="checkbox">
            <input type="radio" name="outcome" value="FULFILLED" defaultChecked /> {t("fulfilled")}
          </label>
          <label className="checkbox">
            <input type="radio" name="outcome" value="PARTIALLY_FULFILLED" /> {t("partiallyFulfilled")}
          </label>
        </fieldset>
        <div className="field">
          <label className="label" htmlFor="close-message">
            {t("closeMessage")}
          </label>
          <textarea id="close-message" name="message" className="textarea" rows={3} />
        </div>
      </ActionForm>
    ) : null,
    decide && actions.denyReasons.length > 0 ? <DenyForm key="deny" reference={reference} reasons={actions.denyReasons} /> : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="actions-heading" className="request-section">
      <h2 id="actions-heading">{t("heading")}</h2>
      {forms.length > 0 ? <div className="action-grid">{forms}</div> : <p>{t("none")}</p>}
    </section>
  );
}
