// summary.html of an evidence bundle: one page an auditor reads first. Received, verified, decided,
// fulfilled, and whether the answer came on time. No personal details (no name, address or message
// text), and every value escaped: reasons and ids come from people and systems.
import type { DsarRequest } from "../generated/prisma/client.ts";
import type { AnswerTiming } from "./evidence-deadline.ts";

export type SummaryInput = {
  request: Pick<
    DsarRequest,
    | "reference"
    | "type"
    | "channel"
    | "jurisdiction"
    | "status"
    | "outcome"
    | "denialReason"
    | "timeZone"
    | "receivedAt"
    | "verifiedAt"
    | "acknowledgedAt"
    | "decidedAt"
    | "closedAt"
    | "extended"
    | "purgedAt"
  >;
  dueDate: string;
  timing: AnswerTiming;
  generatedAt: Date;
  keyId: string;
  events: number;
  headHash: string;
  tasks: Array<{ source: string; action: string; status: string }>;
  /** Staff and API keys that acted on the request, with what they did (approved, completed a task…). */
  people?: Array<{ who: string; actions: string[] }>;
  emails: Array<{ template: string; status: string; sentAt: string | null }>;
};

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function localTime(date: Date | null, timeZone: string): string {
  if (!date) return "—";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${timeZone})`;
}

const row = (label: string, value: string) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

export function renderEvidenceSummary(input: SummaryInput): string {
  const { request, timing } = input;
  const zone = request.timeZone;
  const decided = request.decidedAt
    ? `${localTime(request.decidedAt, zone)}${request.denialReason ? `: denied (${request.denialReason.toLowerCase()})` : ""}`
    : "not decided";
  const lifecycle = [
    row("Received", `${localTime(request.receivedAt, zone)} via ${request.channel.toLowerCase()}`),
    row("Verified", request.verifiedAt ? localTime(request.verifiedAt, zone) : "not verified"),
    row("Acknowledged", request.acknowledgedAt ? localTime(request.acknowledgedAt, zone) : "—"),
    row("Decided", decided),
    row(
      "Fulfilled / closed",
      request.closedAt ? `${localTime(request.closedAt, zone)} (${(request.outcome ?? request.status).toLowerCase()})` : "still open",
    ),
    row("Due date", `${input.dueDate}, end of day${request.extended ? " (extended)" : ""}`),
  ].join("\n");
  const verdictClass =
    timing.state === "answered" ? (timing.onTime ? "ok" : "late") : timing.state === "open" && timing.overdue ? "late" : "";
  const tasks = input.tasks.length
    ? input.tasks.map((t) => `<li>${escapeHtml(t.source)}: ${escapeHtml(t.action)}, ${escapeHtml(t.status)}</li>`).join("\n")
    : "<li>None.</li>";
  const people = input.people?.length
    ? input.people.map((p) => `<li>${escapeHtml(p.who)}: ${escapeHtml(p.actions.join(", ") || "completed a task")}</li>`).join("\n")
    : "<li>No staff member or API key acted on this request.</li>";
  const emails = input.emails.length
    ? input.emails
        .map(
          (e) =>
            `<li>${escapeHtml(e.template)}: ${escapeHtml(e.status)}${e.sentAt ? `, ${escapeHtml(localTime(new Date(e.sentAt), zone))}` : ""}</li>`,
        )
        .join("\n")
    : "<li>None.</li>";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Evidence: ${escapeHtml(request.reference)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
th { text-align: left; padding-right: 1.5rem; vertical-align: top; font-weight: 600; }
td, th { padding-block: 0.2rem; }
.verdict { font-size: 1.15rem; padding: 0.6rem 0.9rem; border-left: 4px solid #666; background: #f4f4f4; }
.verdict.ok { border-color: #1d7a35; } .verdict.late { border-color: #b3261e; }
code { word-break: break-all; }
</style>
</head>
<body>
<h1>Evidence of request ${escapeHtml(request.reference)}</h1>
<p>${escapeHtml(request.type.toLowerCase())} request under ${escapeHtml(request.jurisdiction)}; status ${escapeHtml(request.status.toLowerCase())}${request.purgedAt ? `; personal details purged on ${escapeHtml(localTime(request.purgedAt, zone))}` : ""}.</p>
<p class="verdict ${verdictClass}">${escapeHtml(timing.text)}</p>
<table>
${lifecycle}
</table>
<h2>Who acted</h2>
<ul>
${people}
</ul>
<h2>Connector tasks</h2>
<ul>
${tasks}
</ul>
<h2>Messages to the person</h2>
<ul>
${emails}
</ul>
<h2>About this bundle</h2>
<p>Generated ${escapeHtml(localTime(input.generatedAt, zone))}. The timeline holds ${input.events} audit events; the last one (<code>${escapeHtml(input.headHash)}</code>) records this download.
The file manifest.json lists the SHA-256 of every file and is signed with the portal's Ed25519 key <code>${escapeHtml(input.keyId)}</code> (manifest.sig).
Check the whole bundle with <code>npm run evidence:verify -- FILE.zip --key KEY</code>, using the key published at /.well-known/evidence-key.
This page is a summary; the other files are the evidence.</p>
</body>
</html>
`;
}
