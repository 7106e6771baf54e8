// Staff and requests for the reminder tests, written straight to the tables (the sweeps read only
// columns: status, due dates, clock, assignee). Each file removes what it made, so the requests of
// other test files in the same database never meet these staff, and the reverse.
import { randomBytes, randomUUID } from "node:crypto";
import { withFreshReference } from "../../tests/support/fresh-reference.ts";
import { emailHash, randomReference } from "../crypto.ts";
import { db } from "../db.ts";
import type { RequestStatus, StaffRole } from "../generated/prisma/enums.ts";

/** Who the person is: the staff emails must never carry these. */
export const PERSON = { email: "zoe.secretname@person.example", fullName: "Zoé Secretname" };

const made = { staff: [] as string[], requests: [] as string[] };

export function runTag(): string {
  return randomBytes(3).toString("hex");
}

export async function createStaff(role: StaffRole, options: { disabled?: boolean; tag?: string } = {}) {
  const email = `${role.toLowerCase()}-${options.tag ?? runTag()}-${randomUUID()}@staff.example`;
  const user = await db().staffUser.create({
    data: { email, role, passwordHash: "not-used", mustChangePassword: false, disabledAt: options.disabled ? new Date() : null },
    select: { id: true, email: true, role: true },
  });
  made.staff.push(user.id);
  return user;
}

/** A calendar day as the sweeps see dueDate (a @db.Date). */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

type RequestOptions = {
  dueDate: string;
  status?: RequestStatus;
  assigneeId?: string | null;
  clockPaused?: boolean;
  extensionNoticeBy?: string | null;
  extended?: boolean;
};

export async function createRequest(options: RequestOptions) {
  const request = await withFreshReference(() =>
    db().dsarRequest.create({ data: requestRow(options), select: { id: true, reference: true } }),
  );
  made.requests.push(request.id);
  return request;
}

/** Many requests in one statement (the concurrency test needs sweeps long enough to overlap). */
export async function createRequests(count: number, options: RequestOptions): Promise<string[]> {
  const rows = await withFreshReference(async () => {
    const drawn = Array.from({ length: count }, () => ({ ...requestRow(options), id: randomUUID() }));
    await db().dsarRequest.createMany({ data: drawn });
    return drawn;
  });
  made.requests.push(...rows.map((row) => row.id));
  return rows.map((row) => row.id);
}

function requestRow(options: RequestOptions) {
  return {
    reference: randomReference(),
    submissionId: randomUUID(),
    type: "ERASURE" as const,
    status: options.status ?? "IN_PROGRESS",
    channel: "WEB" as const,
    email: PERSON.email,
    fullName: PERSON.fullName,
    emailHash: emailHash(PERSON.email),
    country: "FR",
    jurisdiction: "EU_GDPR",
    timeZone: "Europe/Paris",
    holidayRegion: "FR",
    verifyBy: new Date(),
    dueDate: day(options.dueDate),
    extensionNoticeBy:
      options.extensionNoticeBy === undefined ? day(options.dueDate) : options.extensionNoticeBy && day(options.extensionNoticeBy),
    extended: options.extended ?? false,
    clockPaused: options.clockPaused ?? false,
    assigneeId: options.assigneeId ?? null,
  };
}

/** The staff page of a request, as the emails link to it (APP_URL of the test run). */
export function staffRequestUrl(requestId: string): string {
  return `${process.env.APP_URL}/staff/requests/${requestId}`;
}

/**
 * Staff emails the sweeps wrote, for the given requests or staff, oldest first. `createdAt` is the
 * sweep's transaction start to the millisecond, so two sweeps in the same millisecond tie, and tied
 * rows come back in no set order: within a tie, the later point (fewer days left, a later digest day)
 * was written later.
 */
export async function staffEmails(where: { requestIds?: string[]; staffUserIds?: string[]; template?: string }) {
  const emails = await db().emailMessage.findMany({
    where: {
      staffUserId: where.staffUserIds ? { in: where.staffUserIds } : { not: null },
      ...(where.requestIds ? { requestId: { in: where.requestIds } } : {}),
      ...(where.template ? { template: where.template } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
  const point = (email: { props: unknown }) => {
    const props = plainProps(email) ?? {};
    return [-(Number(props.daysLeft) || 0), String(props.date ?? "")] as const;
  };
  return emails.sort((a, b) => {
    const [aDays, aDate] = point(a);
    const [bDays, bDate] = point(b);
    return a.createdAt.getTime() - b.createdAt.getTime() || aDays - bDays || aDate.localeCompare(bDate);
  });
}

export function plainProps(email: { props: unknown }): Record<string, unknown> {
  return (email.props as { plain: Record<string, unknown> }).plain;
}

/** The requests this file made (other files share the database and leave emails of their own). */
export function requestsMadeHere(): string[] {
  return [...made.requests];
}

/** Every active admin in the database (other test files may have made some). */
export async function activeAdminIds(): Promise<string[]> {
  const admins = await db().staffUser.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { id: true } });
  return admins.map((admin) => admin.id).sort();
}

export async function removeFixtures(): Promise<void> {
  await db().emailMessage.deleteMany({ where: { OR: [{ staffUserId: { in: made.staff } }, { requestId: { in: made.requests } }] } });
  await db().staffNotification.deleteMany({ where: { OR: [{ staffUserId: { in: made.staff } }, { requestId: { in: made.requests } }] } });
  await db().dsarRequest.deleteMany({ where: { id: { in: made.requests } } });
  await db().staffUser.deleteMany({ where: { id: { in: made.staff } } });
  await db().setting.deleteMany({ where: { key: "reminders" } });
}
