// The reminder sweeps as set-based SQL: each statement finds its requests, claims one
// StaffNotification per notice (dedupeKey: a concurrent or repeated sweep claims nothing twice) and
// writes the outbox rows for the notices it claimed, all in that one statement, so they commit or
// fail together. A sweep is a handful of statements whatever the number of requests.
//
// Dates: "today" is the controller's local date (CONTROLLER_TIME_ZONE); due dates are calendar
// days (@db.Date), so "days left" is a plain date difference. Requests whose clock is paused are
// left out: their due date moves when the person answers.
//
// Staff emails carry no token and no personal data of the person (reference, right, dates, a link
// to the staff page), so their props are written plain ({ plain }), which SQL can do; delivery
// renders them from the template as for every other email (lib/email/deliver-email.ts), in each
// recipient's saved language.

import { catalogueLocales } from "../i18n/catalogue.ts";

export type SqlQuery = { text: string; values: unknown[] };

/**
 * Run before each statement, in its transaction. The planner cannot see inside the CTEs, guesses
 * joins far too large, and then spends longer compiling the statement (JIT) than running it:
 * measured on 100,000 open requests, a sweep with nothing new took 245 ms with JIT and 88 ms without.
 */
export const REMINDER_TRANSACTION_SETUP = "SET LOCAL jit = off";

type SweepParams = { now: Date; timeZone: string; appUrl: string };

const OPEN_STATUSES = `('VERIFIED', 'AWAITING_SUBJECT', 'APPROVED', 'IN_PROGRESS')`;

// $1 now, $2 time zone, $3 the app's address: every statement starts with these.
const CLOCK = `clock AS (SELECT ($1::timestamptz AT TIME ZONE $2::text)::date AS today)`;
const ACTIVE_ADMIN = `admin.role = 'ADMIN' AND admin."disabledAt" IS NULL`;
const REQUEST_URL = (alias: string) => `$3::text || '/staff/requests/' || ${alias}.id`;
const ISO = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Claims the keys in `keyed` not claimed yet, in key order (concurrent sweeps then never deadlock). */
function claim(kind: string, staffUserId: string) {
  return `claimed AS (
    INSERT INTO staff_notifications ("dedupeKey", kind, "requestId", "staffUserId")
    SELECT k.key, '${kind}', k.id, ${staffUserId} FROM keyed k
    WHERE NOT EXISTS (SELECT 1 FROM staff_notifications n WHERE n."dedupeKey" = k.key)
    ORDER BY k.key
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "dedupeKey"
  )`;
}

/** The recipient's saved language when the catalogues have it, else English (lib/auth/staff-email-locale.ts). */
const RECIPIENT_LOCALE = `COALESCE((SELECT u.locale FROM staff_users u WHERE u.id = r.to_id
    AND u.locale IN (${catalogueLocales.map((locale) => `'${locale}'`).join(", ")})), 'en')`;

function outbox(template: string, props: string) {
  return `emails AS (
    INSERT INTO email_messages (id, "requestId", "staffUserId", template, locale, "to", props)
    SELECT gen_random_uuid(), r.id, r.to_id, '${template}', ${RECIPIENT_LOCALE}, r.to_email, jsonb_build_object('plain', ${props})
    FROM recipients r
    RETURNING id
  )
  SELECT (SELECT count(*) FROM claimed)::int AS notices,
         COALESCE((SELECT array_agg(id::text) FROM emails), '{}') AS "emailIds"`;
}

function sweepValues(params: SweepParams): unknown[] {
  return [params.now.toISOString(), params.timeZone, params.appUrl.replace(/\/+$/, "")];
}

/**
 * A reminder ahead of a date (the due date, or the extension-notice date): fires at the nearest
 * point not yet passed, so a sweep that missed a day (workers down) still sends the most urgent
 * one, once, and never several at a time. Goes to the assignee, or to every active admin when
 * nobody (active) is assigned.
 */
function upcomingDateReminder(options: {
  params: SweepParams;
  daysBefore: readonly number[];
  kind: "due" | "extension-notice";
  column: string;
  extraCondition: string;
}): SqlQuery {
  const { column, kind } = options;
  const text = `WITH ${CLOCK},
  reach AS (SELECT max(p) AS furthest FROM unnest($4::int[]) AS p),
  -- The point each number of days left falls under: a handful of rows, joined by hash.
  points AS (
    SELECT d AS days_left, (SELECT min(p) FROM unnest($4::int[]) AS p WHERE p >= d) AS point
    FROM reach CROSS JOIN generate_series(0, reach.furthest) AS d
  ),
  keyed AS (
    SELECT r.id, r.reference, lower(r.type::text) AS type, r."dueDate", r.${column} AS target,
           CASE WHEN NOT r.extended AND r."extensionNoticeBy" >= clock.today THEN r."extensionNoticeBy" END AS extend_by,
           points.days_left, assignee.id AS assignee_id, assignee.email AS assignee_email,
           '${kind}:' || r.id || ':' || ${ISO(`r.${column}`)} || ':' || points.point AS key
    FROM clock CROSS JOIN reach
    JOIN requests r ON r.status IN ${OPEN_STATUSES} AND NOT r."clockPaused"
      AND r.${column} BETWEEN clock.today AND clock.today + reach.furthest
    JOIN points ON points.days_left = r.${column} - clock.today
    LEFT JOIN staff_users assignee ON assignee.id = r."assigneeId" AND assignee."disabledAt" IS NULL
    WHERE ${options.extraCondition}
  ),
  ${claim(kind === "due" ? "due-reminder" : "extension-notice-reminder", "k.assignee_id")},
  recipients AS (
    SELECT k.*, k.assignee_id AS to_id, k.assignee_email AS to_email, true AS assigned_to_you
    FROM claimed JOIN keyed k ON k.key = claimed."dedupeKey" WHERE k.assignee_id IS NOT NULL
    UNION ALL
    SELECT k.*, admin.id, admin.email, false
    FROM claimed JOIN keyed k ON k.key = claimed."dedupeKey" AND k.assignee_id IS NULL
    JOIN staff_users admin ON ${ACTIVE_ADMIN}
  ),
  ${outbox(
    "staff-deadline-reminder",
    `jsonb_build_object('kind', '${kind}', 'reference', r.reference, 'type', r.type, 'date', ${ISO("r.target")},
      'daysLeft', r.days_left, 'dueDate', ${ISO(`r."dueDate"`)}, 'extendBy', ${ISO("r.extend_by")},
      'assignedToYou', r.assigned_to_you,
      'requestUrl', ${REQUEST_URL("r")})`,
  )}`;
  return { text, values: [...sweepValues(options.params), [...options.daysBefore]] };
}

/** Reminders ahead of the due date, at the configured points (settings.daysBefore). */
export function dueReminderQuery(params: SweepParams & { daysBefore: readonly number[] }): SqlQuery {
  return upcomingDateReminder({ params, daysBefore: params.daysBefore, kind: "due", column: `"dueDate"`, extraCondition: "true" });
}

/**
 * Reminders ahead of the last day to tell the person of an extension, while the request is not
 * extended. Where that day is the due date itself (the usual case: the notice is due within the
 * first period) the due-date reminders already say so, so only an earlier notice date gets
 * reminders of its own. It never comes after the due date, so the due-date bound lets the index on
 * (status, dueDate) skip the overdue requests.
 */
export function extensionNoticeReminderQuery(params: SweepParams & { daysBefore: readonly number[] }): SqlQuery {
  return upcomingDateReminder({
    params,
    daysBefore: params.daysBefore,
    kind: "extension-notice",
    column: `"extensionNoticeBy"`,
    extraCondition: `NOT r.extended AND r."dueDate" > clock.today AND r."extensionNoticeBy" < r."dueDate"`,
  });
}

/** Overdue requests, to every active admin, once per request and due date (a new date escalates again). */
export function overdueEscalationQuery(params: SweepParams): SqlQuery {
  const text = `WITH ${CLOCK},
  keyed AS (
    SELECT r.id, r.reference, lower(r.type::text) AS type, r."dueDate", clock.today - r."dueDate" AS days_overdue,
           assignee.email AS assignee_email, 'overdue:' || r.id || ':' || ${ISO(`r."dueDate"`)} AS key
    FROM clock
    JOIN requests r ON r.status IN ${OPEN_STATUSES} AND NOT r."clockPaused" AND r."dueDate" < clock.today
    LEFT JOIN staff_users assignee ON assignee.id = r."assigneeId" AND assignee."disabledAt" IS NULL
  ),
  ${claim("overdue-escalation", "NULL::uuid")},
  recipients AS (
    SELECT k.*, admin.id AS to_id, admin.email AS to_email
    FROM claimed JOIN keyed k ON k.key = claimed."dedupeKey" JOIN staff_users admin ON ${ACTIVE_ADMIN}
  ),
  ${outbox(
    "staff-overdue-escalation",
    `jsonb_build_object('reference', r.reference, 'type', r.type, 'dueDate', ${ISO(`r."dueDate"`)},
      'daysOverdue', r.days_overdue, 'assignee', r.assignee_email, 'requestUrl', ${REQUEST_URL("r")})`,
  )}`;
  return { text, values: sweepValues(params) };
}

/** The statements of one deadline sweep, in the order sendDeadlineReminders runs them. */
export function deadlineReminderQueries(
  params: SweepParams & { daysBefore: readonly number[]; extensionNoticeDaysBefore: readonly number[]; escalateOverdue: boolean },
): { due: SqlQuery; extensionNotice: SqlQuery; overdue: SqlQuery | null } {
  return {
    due: dueReminderQuery(params),
    extensionNotice: extensionNoticeReminderQuery({ ...params, daysBefore: params.extensionNoticeDaysBefore }),
    overdue: params.escalateOverdue ? overdueEscalationQuery(params) : null,
  };
}

const DIGEST_ITEM = `jsonb_build_object('reference', reference, 'type', type, 'dueDate', ${ISO(`"dueDate"`)},
  'daysLeft', days_left, 'requestUrl', request_url)`;

/**
 * The daily digest: one per active agent or admin per local day (digest:<staffUserId>:<date>),
 * listing their open requests due within the window or overdue; admins also get the requests
 * nobody (active) is assigned to. A member with nothing due gets no email, but the day is claimed.
 */
export function dailyDigestQuery(params: SweepParams & { windowDays: number; maxItems: number }): SqlQuery {
  const due = `r.status IN ${OPEN_STATUSES} AND NOT r."clockPaused" AND r."dueDate" <= clock.today + $4::int`;
  const item = `r.id, r.reference, lower(r.type::text) AS type, r."dueDate", r."dueDate" - clock.today AS days_left,
    ${REQUEST_URL("r")} AS request_url`;
  const section = (alias: string) =>
    `CASE WHEN ${alias}.total IS NULL THEN NULL ELSE jsonb_build_object('total', ${alias}.total, 'overdue', ${alias}.overdue, 'items', ${alias}.items) END`;
  const text = `WITH ${CLOCK},
  keyed AS (
    SELECT s.id, s.email, s.role, 'digest:' || s.id || ':' || ${ISO("clock.today")} AS key
    FROM clock CROSS JOIN staff_users s WHERE s.role IN ('AGENT', 'ADMIN') AND s."disabledAt" IS NULL
  ),
  claimed AS (
    INSERT INTO staff_notifications ("dedupeKey", kind, "staffUserId")
    SELECT k.key, 'daily-digest', k.id FROM keyed k
    WHERE NOT EXISTS (SELECT 1 FROM staff_notifications n WHERE n."dedupeKey" = k.key)
    ORDER BY k.key
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "dedupeKey"
  ),
  members AS (SELECT k.* FROM claimed JOIN keyed k ON k.key = claimed."dedupeKey"),
  assigned AS (
    SELECT m.id AS staff_id, ${item}, row_number() OVER (PARTITION BY m.id ORDER BY r."dueDate", r.reference) AS rank
    FROM members m CROSS JOIN clock JOIN requests r ON r."assigneeId" = m.id AND ${due}
  ),
  assigned_sections AS (
    SELECT staff_id, count(*)::int AS total, (count(*) FILTER (WHERE days_left < 0))::int AS overdue,
           jsonb_agg(${DIGEST_ITEM} ORDER BY rank) FILTER (WHERE rank <= $5::int) AS items
    FROM assigned GROUP BY staff_id
  ),
  unassigned AS (
    SELECT ${item}, row_number() OVER (ORDER BY r."dueDate", r.reference) AS rank
    FROM clock JOIN requests r ON ${due}
    LEFT JOIN staff_users assignee ON assignee.id = r."assigneeId" AND assignee."disabledAt" IS NULL
    WHERE assignee.id IS NULL AND EXISTS (SELECT 1 FROM members WHERE role = 'ADMIN')
  ),
  unassigned_section AS (
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE days_left < 0))::int AS overdue,
           jsonb_agg(${DIGEST_ITEM} ORDER BY rank) FILTER (WHERE rank <= $5::int) AS items
    FROM unassigned HAVING count(*) > 0
  ),
  recipients AS (
    SELECT m.id AS to_id, m.email AS to_email, NULL::uuid AS id, ${section("mine")} AS assigned,
           CASE WHEN m.role = 'ADMIN' THEN ${section("nobody")} END AS unassigned
    FROM members m
    LEFT JOIN assigned_sections mine ON mine.staff_id = m.id
    LEFT JOIN unassigned_section nobody ON true
    WHERE mine.total IS NOT NULL OR (m.role = 'ADMIN' AND nobody.total IS NOT NULL)
  ),
  ${outbox(
    "staff-daily-digest",
    `jsonb_build_object('date', ${ISO("(SELECT today FROM clock)")}, 'windowDays', $4::int, 'assigned', r.assigned,
      'unassigned', r.unassigned, 'dashboardUrl', $3::text || '/staff/requests')`,
  )}`;
  return { text, values: [...sweepValues(params), params.windowDays, params.maxItems] };
}
