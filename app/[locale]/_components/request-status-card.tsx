// One request on the private status page: where it stands, what happens next, by when, and the
// way to withdraw it (a first button asks, a second one withdraws; no JavaScript needed).
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { describeAccessAnswer } from "@/lib/data-map/describe-access-answer.ts";
import type { DescribedCategory } from "@/lib/data-map/describe-data-map-category.ts";
import { lowerFirst } from "@/lib/fulfilment/package/access-answer-texts.ts";
import { formatDate } from "@/lib/i18n/format-date.ts";
import type { SubmissionStatus } from "@/lib/requests/get-submission-status.ts";
import type { Locale, RequestTypeName } from "@/lib/requests/request-input.schema.ts";
import { isFulfilling } from "@/lib/requests/request-status.ts";
import { answerInformationAction, replyToTeamAction, withdrawRequestAction } from "../actions.ts";

type StatusRequest = SubmissionStatus["requests"][number];

type RequestStatusCardProps = { locale: Locale; token: string; request: StatusRequest; confirming: boolean; timeZone: string };

export function RequestStatusCard({ locale, token, request, confirming, timeZone }: RequestStatusCardProps) {
  const t = useTranslations("publicStatus.status");
  const common = useTranslations("publicCommon");
  const right = common(`rights.${request.type.toLowerCase() as RequestTypeName}.name`);
  const titleId = `request-${request.reference}-title`;
  return (
    <article className="request-card" id={`request-${request.reference}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {right} <span className="reference">{request.reference}</span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{common("common.reference")}</dt>
          <dd>{request.reference}</dd>
        </div>
        <div>
          <dt>{t("right")}</dt>
          <dd>{right}</dd>
        </div>
        <div>
          <dt>{t("received")}</dt>
          <dd>{formatDate(locale, request.receivedAt, readerOf(request, timeZone))}</dd>
        </div>
        <div>
          <dt>{t("status")}</dt>
          <dd>
            <strong>{common(`statuses.${request.status}.label`)}</strong>
          </dd>
        </div>
        {request.canWithdraw ? (
          <div>
            <dt>{t("due")}</dt>
            <dd>{formatDate(locale, request.dueDate, readerOf(request, timeZone))}</dd>
          </div>
        ) : request.closedAt ? (
          <div>
            <dt>{t("closed")}</dt>
            <dd>{formatDate(locale, request.closedAt, readerOf(request, timeZone))}</dd>
          </div>
        ) : null}
      </dl>
      {isPreferenceType(request.type) ? <PreferenceAsked request={request} /> : <p>{common(`statuses.${request.status}.next`)}</p>}
      {request.status === "SUBMITTED" ? (
        <p>{t("confirmBy", { date: formatDate(locale, request.verifyBy, readerOf(request, timeZone)) })}</p>
      ) : null}
      {request.canWithdraw && request.clockPaused ? <p>{t("paused")}</p> : null}
      {request.canWithdraw && request.extended ? <p>{t("extended")}</p> : null}
      {request.canWithdraw && request.explanation.length > 0 ? (
        <details className="why">
          <summary>{t("whyDate")}</summary>
          {request.law ? <p>{t("lawBasis", { law: request.law.name, unit: request.law.unit, length: request.law.length })}</p> : null}
          <ul>
            {(locale === "fr" ? request.explanationFr : request.explanation).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {request.preference ? <PreferenceAnswer request={request} /> : null}
      {request.answerSources ? <AccessAnswer locale={locale} token={token} request={request} timeZone={timeZone} /> : null}
      {request.type === "PORTABILITY" && request.status === "COMPLETED" ? (
        <section className="access-answer" aria-labelledby={`answer-${request.reference}-download`}>
          <Download
            locale={locale}
            token={token}
            request={request}
            timeZone={timeZone}
            headingId={`answer-${request.reference}-download`}
          />
        </section>
      ) : null}
      {request.status === "DENIED" ? <Denial request={request} /> : null}
      {request.corrections.length > 0 ? <Corrections request={request} /> : null}
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

/** The package's download while it lasts (an access or a portability request, once completed). */
function Download({
  locale,
  token,
  request,
  timeZone,
  headingId,
}: {
  locale: Locale;
  token: string;
  request: StatusRequest;
  timeZone: string;
  headingId: string;
}) {
  const t = useTranslations("publicStatus.status");
  return (
    <>
      <h3 id={headingId}>{t("downloadTitle")}</h3>
      {request.download ? (
        <>
          <p>
            {t("downloadDetails", {
              date: formatDate(locale, request.download.expiresAt, readerOf(request, timeZone)),
              left: request.download.downloadsLeft,
            })}
          </p>
          <form method="post" action={`/api/v1/status/${token}/packages/${request.reference}`}>
            <button type="submit" className="button">
              {t("downloadButton")}
            </button>
          </form>
        </>
      ) : (
        <p>{t("downloadGone")}</p>
      )}
    </>
  );
}

/** A fulfilled access request: the download while it lasts, and per source and category all the map says (Art. 15(1)-(2)). */
function AccessAnswer({ locale, token, request, timeZone }: { locale: Locale; token: string; request: StatusRequest; timeZone: string }) {
  const t = useTranslations("publicStatus.status");
  const sources = describeAccessAnswer(request.answerSources ?? [], locale);
  const id = `answer-${request.reference}`;
  return (
    <section className="access-answer" aria-labelledby={id}>
      <Download locale={locale} token={token} request={request} timeZone={timeZone} headingId={`${id}-download`} />
      <h3 id={id}>{t("heldTitle")}</h3>
      {sources.length === 0 ? <p>{t("heldNone")}</p> : <p>{t("heldIntro")}</p>}
      {sources.map((source, sourceIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a name; the list never reorders
        <section key={sourceIndex} className="answer-source" aria-labelledby={`${id}-${sourceIndex}`}>
          <h4 id={`${id}-${sourceIndex}`}>{source.name}</h4>
          {source.categories.map((category, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the list never reorders
            <div key={index} className="answer-category">
              <h5>{category.label}</h5>
              {category.described ? <CategoryFacts described={category.described} /> : <p>{t("heldNotDescribed")}</p>}
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

/** What the map says of one category: kinds, purposes and legal basis, retention, recipients, origin, automated decisions. */
function CategoryFacts({ described }: { described: DescribedCategory }) {
  const t = useTranslations("publicStatus.status");
  const fact = (term: string, value: ReactNode) => (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  // "Name (country) — kind · purpose · transfer safeguard · sold or shared", as far as the map says.
  const recipients = described.recipients.map((recipient) => {
    const name = recipient.country ? `${recipient.name} (${recipient.country})` : recipient.name;
    const details = [
      recipient.kind,
      recipient.purpose,
      recipient.safeguard ? t("heldRecipientSafeguard", { safeguard: lowerFirst(recipient.safeguard) }) : undefined,
      recipient.soldOrShared ? t("heldSoldOrShared") : undefined,
    ].filter(Boolean);
    return details.length ? `${name} — ${details.join(" · ")}` : name;
  });
  const automated = described.automatedDecisions;
  return (
    <dl className="facts">
      {fact(t("heldKinds"), described.dataCategories.join(", "))}
      {fact(t("heldPurposes"), <List items={described.purposes} />)}
      {fact(t("heldLegalBasis"), <List items={described.legalBasis} />)}
      {described.legitimateInterests ? fact(t("heldLegitimateInterests"), described.legitimateInterests) : null}
      {described.specialCategoryCondition ? fact(t("heldSpecialCondition"), described.specialCategoryCondition) : null}
      {fact(t("heldRetention"), described.retention)}
      {fact(t("heldRecipients"), recipients.length ? <List items={recipients} /> : t("heldNobody"))}
      {fact(t("heldOrigin"), described.origin)}
      {fact(
        t("heldAutomated"),
        automated ? (
          <>
            <strong>{t("heldAutomatedLogic")}</strong> {automated.logic}
            <br />
            <strong>{t("heldAutomatedSignificance")}</strong> {automated.significance}
          </>
        ) : (
          t("heldNoAutomated")
        ),
      )}
    </dl>
  );
}

function isPreferenceType(type: string): boolean {
  return ["OPT_OUT", "LIMIT_SENSITIVE", "RESTRICTION", "OBJECTION"].includes(type);
}

type PreferenceKind = "opt_out" | "limit_sensitive" | "restriction" | "objection";

/** The statuses a preference request describes in its own words; the others say what any request says. */
const preferenceStages = ["APPROVED", "IN_PROGRESS", "COMPLETED"] as const;

function isPreferenceStage(status: string): status is (typeof preferenceStages)[number] {
  return (preferenceStages as readonly string[]).includes(status);
}

/** Opt-out, limit, restriction, objection: what was asked, and what happens next in the request's own words. */
function PreferenceAsked({ request }: { request: StatusRequest }) {
  const t = useTranslations("publicStatus.status");
  const common = useTranslations("publicCommon");
  const kind = request.type.toLowerCase() as PreferenceKind;
  const next = isPreferenceStage(request.status) ? t(`preference.next.${request.status}`) : common(`statuses.${request.status}.next`);
  return (
    <>
      <h3 id={`asked-${request.reference}`}>{t("preference.askedTitle")}</h3>
      <p>{t(`preference.asked.${kind}`)}</p>
      <p>{next}</p>
    </>
  );
}

/** Once done: per system, where the choice now applies (or that nothing of the person's was there). */
function PreferenceAnswer({ request }: { request: StatusRequest }) {
  const t = useTranslations("publicStatus.status");
  const common = useTranslations("publicCommon");
  const sources = request.preference?.sources ?? [];
  const id = `changed-${request.reference}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t("preference.doneTitle")}</h3>
      {sources.length === 0 ? (
        <p>{t("preference.noSources")}</p>
      ) : (
        <ul>
          {sources.map((source, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a name; the list never reorders
            <li key={index}>
              <strong>{source.name}</strong>
              {common("common.separator")}
              {source.places.length > 0
                ? t("preference.switchedOffIn", { places: source.places.join(", ") })
                : source.done
                  ? t("preference.doneByTeam")
                  : t("preference.nothingFound")}
            </li>
          ))}
        </ul>
      )}
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

function Denial({ request }: { request: StatusRequest }) {
  const t = useTranslations("publicStatus.status");
  const common = useTranslations("publicCommon");
  return (
    <section aria-labelledby={`denial-${request.reference}`}>
      <h3 id={`denial-${request.reference}`}>{t("denialTitle")}</h3>
      {request.denialReason ? <p>{common(`denialReasons.${request.denialReason}`)}</p> : null}
      {request.denialMessage ? <p className="prewrap">{request.denialMessage}</p> : null}
    </section>
  );
}

function Messages({ locale, request, timeZone }: { locale: Locale; request: StatusRequest; timeZone: string }) {
  const t = useTranslations("publicStatus.status");
  return (
    <section aria-labelledby={`messages-${request.reference}`}>
      <h3 id={`messages-${request.reference}`}>{t("messagesTitle")}</h3>
      <ol className="messages">
        {request.messages.map((message) => (
          <li key={message.id} className={message.direction === "TO_SUBJECT" ? "message-item message-item--team" : "message-item"}>
            <p className="message-item__meta">
              {message.direction === "TO_SUBJECT" ? t("fromTeam") : t("fromYou")},{" "}
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
function Corrections({ request }: { request: StatusRequest }) {
  const t = useTranslations("publicStatus.status");
  const common = useTranslations("publicCommon");
  const separator = common("common.separator");
  return (
    <section aria-labelledby={`corrections-${request.reference}`}>
      <h3 id={`corrections-${request.reference}`}>{t("correctionsTitle")}</h3>
      <ul className="corrections">
        {request.corrections.map((correction, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their position
          <li key={index}>
            <strong>{correction.label}</strong>
            {separator}
            {t(`correctionStates.${correctionStateShown(request.status, correction.state)}`)}
            {correction.state === "corrected" && correction.places.length > 0
              ? ` ${correction.places.map((place) => t("correctedIn", { source: place.source, category: place.category })).join(", ")}`
              : null}
            <br />
            <span className="hint prewrap">
              {t("correctionAskedFor")}
              {separator}
              {correction.value}
            </span>
          </li>
        ))}
      </ul>
      {request.correctionsMessage ? (
        <>
          <p>{t("correctionsExplanation")}</p>
          <p className="prewrap">{request.correctionsMessage}</p>
        </>
      ) : null}
    </section>
  );
}

/** The answer to a question that waits (`reply` false), or to a message of the team. */
function Answer({ locale, token, reference, reply = false }: { locale: Locale; token: string; reference: string; reply?: boolean }) {
  const t = useTranslations("publicStatus.status");
  const fieldId = `${reply ? "reply" : "answer"}-${reference}`;
  return (
    <section className="answer" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{reply ? t("replyTitle") : t("answerTitle")}</h3>
      <form action={reply ? replyToTeamAction : answerInformationAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="reference" value={reference} />
        <div className="field">
          <label className="label" htmlFor={fieldId}>
            {t("answerLabel")}
          </label>
          <p className="hint" id={`${fieldId}-hint`}>
            {t("answerHint")}
          </p>
          <textarea id={fieldId} name="answer" className="input" rows={5} maxLength={5000} required aria-describedby={`${fieldId}-hint`} />
        </div>
        <button type="submit" className="button">
          {reply ? t("replySubmit") : t("answerSubmit")}
        </button>
      </form>
    </section>
  );
}

type WithdrawProps = { locale: Locale; token: string; reference: string; confirming: boolean; started: boolean };

/** started: approved or in progress, so some of it may already be done and cannot be undone. */
function Withdraw({ locale, token, reference, confirming, started }: WithdrawProps) {
  const t = useTranslations("publicStatus.status");
  const page = `/${locale}/status/${token}`;
  if (!confirming) {
    return (
      <form method="get" action={`${page}#withdraw-${reference}`} className="withdraw">
        <input type="hidden" name="confirm" value={reference} />
        <button type="submit" className="button button--secondary">
          {t("withdraw")}
        </button>
      </form>
    );
  }
  return (
    <section className="confirm-box" id={`withdraw-${reference}`} tabIndex={-1} aria-labelledby={`withdraw-${reference}-title`}>
      <h3 id={`withdraw-${reference}-title`}>{t("withdrawConfirmTitle")}</h3>
      <p>{t("withdrawConfirmText", { reference })}</p>
      {started ? <p>{t("withdrawAlreadyStarted")}</p> : null}
      <form action={withdrawRequestAction} className="button-row">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="reference" value={reference} />
        <button type="submit" className="button button--danger">
          {t("withdrawYes")}
        </button>
        <Link href={`${page}#request-${reference}`} className="button button--secondary">
          {t("withdrawNo")}
        </Link>
      </form>
    </section>
  );
}
