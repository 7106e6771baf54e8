// The staff page of one request, reached by its id or its reference: who asked and what for, the
// deadline and why, the decisions this role may take now, connector tasks, messages, notes and
// the full timeline.
import "./request-page.css";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { isAppError } from "@/lib/errors.ts";
import { evidenceRequestLookup } from "@/lib/evidence/evidence-request-lookup.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { getRequestDetails } from "@/lib/requests/get-request-details.ts";
import { denialReasonLabel } from "@/lib/requests/timeline-labels.ts";
import { ActionsSection } from "./_components/actions-section.tsx";
import { AgentSection } from "./_components/agent-section.tsx";
import { MessagesSection, NotesSection } from "./_components/conversation-section.tsx";
import { CorrectionsSection } from "./_components/corrections-section.tsx";
import { DeadlineSection } from "./_components/deadline-section.tsx";
import { PersonSection } from "./_components/person-section.tsx";
import { TasksSection } from "./_components/tasks-section.tsx";
import { TimelineSection } from "./_components/timeline-section.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffRequest");
  return { title: t("title") };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}

async function load(id: string, locale: Locale) {
  try {
    // An id or a reference, checked for its shape before any query (a malformed one is not found).
    const lookup = evidenceRequestLookup(safeDecode(id));
    return await getRequestDetails("id" in lookup ? lookup.id : lookup.reference, { locale });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("requests.read");
  await connection();
  const locale = await getLocale();
  const details = await load((await params).id, locale);
  const { request } = details;
  const t = await getTranslations("staffRequest");
  const labels = await getTranslations("staffLabels");
  const timeZone = env().CONTROLLER_TIME_ZONE;
  return (
    <div className="staff-page request-page">
      <p>
        <Link href="/staff/requests">{t("allRequests")}</Link>
      </p>
      <h1>{t.rich("heading", { reference: request.reference, ref: (chunks) => <span className="reference">{chunks}</span> })}</h1>
      <dl className="facts request-summary">
        <dt>{t("summary.right")}</dt>
        <dd>{labels(`right.${request.type}`)}</dd>
        <dt>{t("summary.status")}</dt>
        <dd>
          <span className={`request-status request-status--${request.status.toLowerCase()}`}>{labels(`statusLong.${request.status}`)}</span>
          {/* A denial or an expiry is the status itself; the other outcomes say how far the answer went. */}
          {request.outcome && request.outcome !== "DENIED" && request.outcome !== "EXPIRED"
            ? ` (${labels(`outcome.${request.outcome}`)})`
            : ""}
        </dd>
        {request.denialReason ? (
          <>
            <dt>{t("summary.refusal")}</dt>
            <dd>
              {denialReasonLabel(request.denialReason, locale)}
              {request.denialMessage ? <p className="prewrap">{request.denialMessage}</p> : null}
            </dd>
          </>
        ) : null}
        <dt>{t("summary.assignee")}</dt>
        <dd>{request.assignee?.email ?? t("summary.nobody")}</dd>
      </dl>
      {can(me.role, "evidence.read") ? (
        <p>
          <a href={`/staff/requests/${request.id}/evidence`}>{t("downloadEvidence")}</a>
        </p>
      ) : null}
      <div className="request-columns">
        <div>
          <DeadlineSection details={details} timeZone={timeZone} />
          <ActionsSection
            details={details}
            allowed={{ decide: can(me.role, "requests.decide"), assign: can(me.role, "requests.assign") }}
            myEmail={me.email}
          />
        </div>
        <div>
          <PersonSection details={details} timeZone={timeZone} canDecide={can(me.role, "requests.decide")} />
          <AgentSection details={details} timeZone={timeZone} canDecide={can(me.role, "requests.decide")} />
        </div>
      </div>
      <CorrectionsSection details={details} canManage={can(me.role, "tasks.manage")} timeZone={timeZone} />
      <TasksSection details={details} canManage={can(me.role, "tasks.manage")} timeZone={timeZone} />
      <MessagesSection details={details} canWrite={can(me.role, "requests.decide")} timeZone={timeZone} />
      <NotesSection details={details} canNote={can(me.role, "requests.note")} timeZone={timeZone} />
      <TimelineSection details={details} timeZone={timeZone} />
    </div>
  );
}
