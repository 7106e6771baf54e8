// Who asked and what for: the details the person gave, in full (staff only).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { confirmAccountIdAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant, words } from "./format.ts";

export function PersonSection({ details, timeZone, canDecide }: { details: RequestDetails; timeZone: string; canDecide: boolean }) {
  const { person, request } = details;
  const confirmation = person.accountIdConfirmation;
  return (
    <section aria-labelledby="person-heading" className="request-section">
      <h2 id="person-heading">Person</h2>
      {request.purgedAt ? (
        <p className="notice">The personal details were removed on {formatInstant(request.purgedAt, timeZone)} (retention).</p>
      ) : null}
      <dl className="facts">
        <dt>Email</dt>
        <dd>{person.email ?? "—"}</dd>
        <dt>Name</dt>
        <dd>{person.fullName ?? "—"}</dd>
        {person.accountId ? (
          <>
            <dt>Account number</dt>
            <dd>
              {person.accountId}
              <p className={confirmation ? "hint" : "hint account-id-unconfirmed"} id="account-id-state">
                {confirmation
                  ? `Confirmed as theirs by ${confirmation.by} on ${formatInstant(confirmation.at, timeZone)}: connectors are given it with the verified email.`
                  : "Not confirmed — not used to find data. The person typed it; anyone can type someone else's. Connectors get the verified email only until you confirm it is theirs."}
              </p>
              {canDecide && details.actions.confirmAccountId ? (
                <ActionForm
                  action={confirmAccountIdAction}
                  reference={request.reference}
                  hidden={{ confirmed: confirmation ? "false" : "true" }}
                  submitLabel={confirmation ? "Take back the confirmation" : "Confirm the account number is theirs"}
                  secondary
                >
                  {confirmation ? null : (
                    <p className="hint">
                      Only after checking it in your own records against the verified email address (or proof the person sent).
                    </p>
                  )}
                </ActionForm>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Country / region</dt>
        <dd>
          {person.country}
          {person.region ? ` / ${person.region}` : ""}
        </dd>
        <dt>Language</dt>
        <dd>{person.locale === "fr" ? "French" : "English"}</dd>
        <dt>Right</dt>
        <dd>{words(request.type)}</dd>
        <dt>Channel</dt>
        <dd>{words(request.channel)}</dd>
        <dt>Received</dt>
        <dd>{formatInstant(request.receivedAt, timeZone)}</dd>
        <dt>Verified</dt>
        <dd>{request.verifiedAt ? formatInstant(request.verifiedAt, timeZone) : "not yet"}</dd>
      </dl>
      <h3>What they asked</h3>
      {person.details ? <p className="prewrap">{person.details}</p> : <p>No details given.</p>}
      {person.corrections.length > 0 ? <p>Corrections: see "Corrections" below.</p> : null}
    </section>
  );
}
