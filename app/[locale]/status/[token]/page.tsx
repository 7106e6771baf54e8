// The private status page of one submission, reached only through the emailed link.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/env.ts";
import { isAppError } from "@/lib/errors.ts";
import { getSubmissionStatus, type SubmissionStatus } from "@/lib/requests/get-submission-status.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import { unexpectedErrorMessage } from "../../_components/describe-error.ts";
import { pageLocale } from "../../_components/page-locale.ts";
import { RequestStatusCard } from "../../_components/request-status-card.tsx";
import { linkTokenSchema, statusPageQuerySchema } from "../../actions.schema.ts";

type StatusProps = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: StatusProps): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicStatus.status" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

type Loaded = { kind: "found"; status: SubmissionStatus } | { kind: "not-found" } | { kind: "failed"; message: string };

async function loadStatus(locale: Locale, token: string): Promise<Loaded> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return { kind: "not-found" };
  try {
    return { kind: "found", status: await getSubmissionStatus(parsed.data, locale) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { kind: "not-found" };
    return { kind: "failed", message: unexpectedErrorMessage(locale, error, "status-page") };
  }
}

function firstValues(query: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export default async function StatusPage({ params, searchParams }: StatusProps) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const { token } = await params;
  const query = statusPageQuerySchema.parse(firstValues(await searchParams));
  const t = await getTranslations({ locale, namespace: "publicStatus.status" });
  const common = await getTranslations({ locale, namespace: "publicCommon.common" });
  const loaded = await loadStatus(locale, token);

  // An unknown link answers 404 (./not-found.tsx says what to do), not a page that looks found.
  if (loaded.kind === "not-found") notFound();
  if (loaded.kind !== "found") {
    return (
      <>
        <h1>{t("notFoundTitle")}</h1>
        <p>{loaded.message}</p>
        <p>
          <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
        </p>
      </>
    );
  }

  const { requests } = loaded.status;
  const withdrawError = query.withdrawError
    ? {
        NOT_FOUND: t("withdrawNotFound"),
        INVALID_STATE: t("withdrawInvalidState"),
        CONFLICT: t("withdrawConflict"),
        OTHER: t("withdrawFailed"),
      }[query.withdrawError]
    : null;
  const answerError = query.answerError
    ? {
        EMPTY: t("answerEmpty"),
        TEXT: t("answerText"),
        NOT_FOUND: t("withdrawNotFound"),
        INVALID_STATE: t("answerNotWaiting"),
        LIMITED: t("replyLimited"),
        OTHER: t("answerFailed"),
      }[query.answerError]
    : null;
  return (
    <>
      <h1>{t("title", { count: requests.length })}</h1>
      {query.confirmed ? (
        <section className="panel panel--success" aria-labelledby="confirmed-title" role="status">
          <h2 id="confirmed-title">{t("confirmedTitle")}</h2>
          <p>{t("confirmedText", { count: requests.length })}</p>
        </section>
      ) : null}
      {query.answered ? (
        <div className="message message--success" role="status">
          {t("answered", { reference: query.answered })}
        </div>
      ) : null}
      {answerError ? (
        <div className="message message--error" role="alert">
          {answerError}
        </div>
      ) : null}
      {query.withdrawn ? (
        <div className="message message--success" role="status">
          {t("withdrawn", { reference: query.withdrawn })}
        </div>
      ) : null}
      {withdrawError ? (
        <div className="message message--error" role="alert">
          {withdrawError}
        </div>
      ) : null}
      <p>{t("intro", { count: requests.length })}</p>
      {requests.map((request) => (
        <RequestStatusCard
          key={request.reference}
          locale={locale}
          token={token}
          request={request}
          confirming={query.confirm === request.reference}
          timeZone={env().CONTROLLER_TIME_ZONE}
        />
      ))}
    </>
  );
}
