// One request on the private status page: where it stands, what happens next, by when, and the
// way to withdraw it (a first button asks, a second one withdraws; no JavaScript needed).
import Link from "next/link";
import { summariseAccessAnswer } from "@/lib/data-map/summarise-access-answer.ts";
import { formatDate, t } from "@/lib/i18n/messages.ts";
import type { SubmissionStatus } from "@/lib/requests/get-submission-status.ts";
import type { Locale, RequestTypeName } from "@/lib/requests/request-input.schema.ts";
import { isFulfilling } from "@/lib/requests/request-status.ts";
import { answerInformationAction, replyToTeamAction, withdrawRequestAction } from "../actions.ts";

type StatusRequest = SubmissionStatus["requests"][number];

type RequestStatusCardProps = { locale: Locale; token: string; request: StatusRequest; confirming: boolean; timeZone: string };

export function RequestStatusCard({ locale, token, request, confirming, timeZone }: RequestStatusCardProps) {
  const m = t(locale);
  const right = m.rights[request.type.toLowerCase() as RequestTypeName].name;
  const status = m.statuses[request.status];
  const titleId = `request-${request.reference}-title`;
  return (
    <article className="request-card" id={`request-${request.reference}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {right} <span className="reference">{request.reference}</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{m.common.reference}</dt>
          <dd>{request.reference}</dd>
        </div>
        <div>
          <dt>{m.status.right}</dt>
          <dd>{right}</dd>
        </div>
        <div>
          <dt>{m.status.received}</dt>
          <dd>{formatDate(locale, request.receivedAt, readerOf(request, timeZone))}</dd>
        </div>
        <div>
          <dt>{m.status.status}</dt>
          <dd>
            <strong>{status.label}</strong>
          </dd>
        </div>
        {request.canWithdraw ? (
          <div>
            <dt>{m.status.due}</dt>
            <dd>{formatDate(locale, request.dueDate, readerOf(request, timeZone))}</dd>
          </div>
        ) : request.closedAt ? (
          <div>
            <dt>{m.status.closed}</dt>
            <dd>{formatDate(locale, request.closedAt, readerOf(request, timeZone))}</dd>
          </div>
        ) : null}
      </dl>
      <p>{status.next}</p>
      {request.status === "SUBMITTED" ? (
        <p>{m.status.confirmBy(formatDate(locale, request.verifyBy, readerOf(request, timeZone)))}</p>
      ) : null}
      {request.canWithdraw && request.clockPaused ? <p>{m.status.paused}</p> : null}
      {request.canWithdraw && request.extended ? <p>{m.status.extended}</p> : null}
      {request.canWithdraw && request.explanation.length > 0 ? (
        <details className="why">
          <summary>{m.status.whyDate}</summary>
          {request.law ? <p>{m.status.lawBasis(request.law.name, request.law.unit, request.law.length)}</p> : null}
          <ul>
            {(locale === "fr" ? request.explanationFr : request.explanation).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {request.answerSources ? <AccessAnswer locale={locale} token={token} request={request} timeZone={timeZone} /> : null}
      {request.status === "DENIED" ? <Denial locale={locale} request={request} /> : null}
      {request.corrections.length > 0 ? <Corrections locale={locale} request={request} /> : null}
      {request.messages.length > 0 ? <Messages locale={locale} request={request} timeZone={timeZone} /> : null}
      {request.status === "AWAITING_SUBJECT" ? <Answer locale={locale} token={token} reference={request.reference} /> : null}
      {request.canReply ? <Answer locale={locale} token={token} reference={request.reference} reply /> : null}
      {request.canWithdraw ? (
        <Withdraw
          locale={locale}
          token={token}
          reference={request.reference}
          confirming={confirming}
          started={isFulfilling(request.status)}
        />
      ) : null}
    </article>
  );
}

/** Dates on the page follow the request's country (a US resident reads "December 7, 2026"). */
function readerOf(request: StatusRequest, timeZone: string) {
  return { country: request.country, region: request.region, timeZone };
}

/** A fulfilled access request: the download while it lasts, and per source and category what the map says. */
function AccessAnswer({ locale, token, request, timeZone }: { locale: Locale; token: string; request: StatusRequest; timeZone: string }) {
  const m = t(locale);
  const sources = summariseAccessAnswer(request.answerSources ?? [], locale);
  const id = `answer-${request.reference}`;
  return (
    <section className="access-answer" aria-labelledby={id}>
      <h3 id={`${id}-download`}>{m.status.downloadTitle}</h3>
      {request.download ? (
        <>
          <p>
            {m.status.downloadDetails(
              formatDate(locale, request.download.expiresAt, readerOf(request, timeZone)),
              request.download.downloadsLeft,
            )}
          </p>
          <form method="post" action={`/api/v1/status/${token}/packages/${request.reference}`}>
            <button type="submit" className="button">
              {m.status.downloadButton}
            </button>
          </form>
        </>
      ) : (
        <p>{m.status.downloadGone}</p>
      )}
      <h3 id={id}>{m.status.heldTitle}</h3>
      {sources.length === 0 ? <p>{m.status.heldNone}</p> : <p>{m.status.heldIntro}</p>}
      {sources.map((source, sourceIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a name; the list never reorders
        <section key={sourceIndex} className="answer-source" aria-labelledby={`${id}-${sourceIndex}`}>
          <h4 id={`${id}-${sourceIndex}`}>{source.name}</h4>
          {source.categories.map((category, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the list never reorders
            <div key={index} className="answer-category">
              <h5>{category.label}</h5>
              {category.described ? (
                <dl className="facts">
                  <div>
                    <dt>{m.status.heldKinds}</dt>
                    <dd>{category.kinds.join(", ")}</dd>
                  </div>
                  <div>
                    <dt>{m.status.heldPurposes}</dt>
                    <dd>
                      <List items={category.purposes} />
                    </dd>
                  </div>
                  {category.retention ? (
                    <div>
                      <dt>{m.status.heldRetention}</dt>
                      <dd>{category.retention}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{m.status.heldRecipients}</dt>
                    <dd>{category.recipients.length ? <List items={category.recipients} /> : m.status.heldNobody}</dd>
                  </div>
                </dl>
              ) : (
                <p>{m.status.heldNotDescribed}</p>
              )}
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Denial({ locale, request }: { locale: Locale; request: StatusRequest }) {
  const m = t(locale);
  return (
    <section aria-labelledby={`denial-${request.reference}`}>
      <h3 id={`denial-${request.reference}`}>{m.status.denialTitle}</h3>
      {request.denialReason ? <p>{m.denialReasons[request.denialReason]}</p> : null}
      {request.denialMessage ? <p className="prewrap">{request.denialMessage}</p> : null}
    </section>
  );
}

function Messages({ locale, request, timeZone }: { locale: Locale; request: StatusRequest; timeZone: string }) {
  const m = t(locale);
  return (
    <section aria-labelledby={`messages-${request.reference}`}>
      <h3 id={`messages-${request.reference}`}>{m.status.messagesTitle}</h3>
      <ol className="messages">
        {request.messages.map((message) => (
          <li key={message.id} className={message.direction === "TO_SUBJECT" ? "message-item message-item--team" : "message-item"}>
            <p className="message-item__meta">
              {message.direction === "TO_SUBJECT" ? m.status.fromTeam : m.status.fromYou},{" "}
              <time dateTime={message.createdAt}>{formatDate(locale, message.createdAt, readerOf(request, timeZone))}</time>
            </p>
            <p className="prewrap">{message.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

type CorrectionState = StatusRequest["corrections"][number]["state"];

/**
 * A correction not made yet is "being corrected" only while the request is being carried out: before
 * the team's review it waits, and a request refused, withdrawn or expired leaves it not corrected.
 */
function correctionStateShown(status: StatusRequest["status"], state: CorrectionState): CorrectionState | "waiting" {
  if (state !== "pending" && state !== "with-staff") return state;
  if (status === "SUBMITTED" || status === "VERIFIED" || status === "AWAITING_SUBJECT") return "waiting";
  if (status === "DENIED" || status === "WITHDRAWN" || status === "EXPIRED") return "not-corrected";
  return state;
}

/** What became of each correction asked for, and where it was made. */
function Corrections({ locale, request }: { locale: Locale; request: StatusRequest }) {
  const m = t(locale);
  const separator = locale === "fr" ? "\u00a0: " : ": ";
  return (
    <section aria-labelledby={`corrections-${request.reference}`}>
      <h3 id={`corrections-${request.reference}`}>{m.status.correctionsTitle}</h3>
      <ul className="corrections">
        {request.corrections.map((correction, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their position
          <li key={index}>
            <strong>{correction.label}</strong>
            {separator}
            {m.status.correctionStates[correctionStateShown(request.status, correction.state)]}
            {correction.state === "corrected" && correction.places.length > 0
              ? ` ${correction.places.map((place) => m.status.correctedIn(place.source, place.category)).join(", ")}`
              : null}
            <br />
            <span className="hint prewrap">
              {m.status.correctionAskedFor}
              {separator}
              {correction.value}
            </span>
          </li>
        ))}
      </ul>
      {request.correctionsMessage ? (
        <>
          <p>{m.status.correctionsExplanation}</p>
          <p className="prewrap">{request.correctionsMessage}</p>
        </>
      ) : null}
    </section>
  );
}

/** The answer to a question that waits (`reply` false), or to a message of the team. */
function Answer({ locale, token, reference, reply = false }: { locale: Locale; token: string; reference: string; reply?: boolean }) {
  const m = t(locale);
  const fieldId = `${reply ? "reply" : "answer"}-${reference}`;
  return (
    <section className="answer" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{reply ? m.status.replyTitle : m.status.answerTitle}</h3>
      <form action={reply ? replyToTeamAction : answerInformationAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="reference" value={reference} />
        <div className="field">
          <label className="label" htmlFor={fieldId}>
            {m.status.answerLabel}
          </label>
          <p className="hint" id={`${fieldId}-hint`}>
            {m.status.answerHint}
          </p>
          <textarea id={fieldId} name="answer" className="input" rows={5} maxLength={5000} required aria-describedby={`${fieldId}-hint`} />
        </div>
        <button type="submit" className="button">
          {reply ? m.status.replySubmit : m.status.answerSubmit}
        </button>
      </form>
    </section>
  );
}

type WithdrawProps = { locale: Locale; token: string; reference: string; confirming: boolean; started: boolean };

/** started: approved or in progress, so some of it may already be done and cannot be undone. */
function Withdraw({ locale, token, reference, confirming, started }: WithdrawProps) {
  const m = t(locale);
  const page = `/${locale}/status/${token}`;
  if (!confirming) {
    return (
      <form method="get" action={`${page}#withdraw-${reference}`} className="withdraw">
        <input type="hidden" name="confirm" value={reference} />
        <button type="submit" className="button button--secondary">
          {m.status.withdraw}
        </button>
      </form>
    );
  }
  return (
    <section className="confirm-box" id={`withdraw-${reference}`} tabIndex={-1} aria-labelledby={`withdraw-${reference}-title`}>
      <h3 id={`withdraw-${reference}-title`}>{m.status.withdrawConfirmTitle}</h3>
      <p>{m.status.withdrawConfirmText(reference)}</p>
      {started ? <p>{m.status.withdrawAlreadyStarted}</p> : null}
      <form action={withdrawRequestAction} className="button-row">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="reference" value={reference} />
        <button type="submit" className="button button--danger">
          {m.status.withdrawYes}
        </button>
        <Link href={`${page}#request-${reference}`} className="button button--secondary">
          {m.status.withdrawNo}
        </Link>
      </form>
    </section>
  );
}
