// Calls to the staff API's route handlers as an integration would make them, and requests stored
// directly in a chosen state (with the deadline the engine computes), so each test sets up
// exactly the request it acts on.
import { randomUUID } from "node:crypto";
import { emailHash, randomReference } from "../../lib/crypto.ts";
import { db } from "../../lib/db.ts";
import { env } from "../../lib/env.ts";
import type { RequestStatus, RequestType } from "../../lib/generated/prisma/enums.ts";
import { computeRequestDeadline, deadlineColumns } from "../../lib/requests/request-deadline.ts";
import { withFreshReference } from "./fresh-reference.ts";

type Handler = (request: Request, context: { params: Promise<Record<string, string | undefined>> }) => Promise<Response>;

let counter = 0;
export const uniqueEmail = (prefix = "api") => `${prefix}${Date.now()}${counter++}@example.test`;

export function headersFor(key: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...extra };
}

/** GET a staff route: `path` is below /api/v1 and may carry a query string. */
export function getAs(handler: Handler, key: string | null, path: string, reference?: string, headers: Record<string, string> = {}) {
  return handler(new Request(`http://localhost/api/v1${path}`, { headers: headersFor(key, headers) }), {
    params: Promise.resolve(reference === undefined ? {} : { reference }),
  });
}

/** POST JSON (or a raw string, or no body with `undefined`) to a staff action. */
export function postAs(handler: Handler, key: string | null, reference: string, body?: unknown, headers: Record<string, string> = {}) {
  const raw = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return handler(
    new Request(`http://localhost/api/v1/requests/${reference}/action`, {
      method: "POST",
      body: raw,
      headers: headersFor(key, raw === undefined ? headers : { "content-type": "application/json", ...headers }),
    }),
    { params: Promise.resolve({ reference }) },
  );
}

type StoredRequest = {
  status?: RequestStatus;
  type?: RequestType;
  jurisdiction?: string;
  country?: string;
  region?: string;
  receivedAt?: Date;
  /** Overrides the computed due date (for list tests that need dates no other test uses). */
  dueDate?: Date;
  assigneeId?: string;
  email?: string;
  /** The account number as typed on the form (not confirmed). */
  accountId?: string;
};

/** A request stored as it would be after filing (and verification, for a later status). */
export async function storeRequest(options: StoredRequest = {}) {
  const config = env();
  const receivedAt = options.receivedAt ?? new Date();
  const clock = {
    jurisdiction: options.jurisdiction ?? "EU_GDPR",
    type: options.type ?? "ACCESS",
    receivedAt,
    timeZone: config.CONTROLLER_TIME_ZONE,
    holidayRegion: config.CONTROLLER_HOLIDAY_REGION,
  };
  const email = options.email ?? uniqueEmail();
  const status = options.status ?? "VERIFIED";
  return withFreshReference(() =>
    db().dsarRequest.create({
      data: {
        ...clock,
        ...deadlineColumns(computeRequestDeadline(clock)),
        ...(options.dueDate ? { dueDate: options.dueDate } : {}),
        reference: randomReference(),
        submissionId: randomUUID(),
        status,
        channel: "API",
        email,
        emailHash: emailHash(email),
        fullName: "Camille Durand",
        accountId: options.accountId ?? null,
        country: options.country ?? "FR",
        region: options.region ?? null,
        verifyBy: new Date(receivedAt.getTime() + 7 * 86_400_000),
        verifiedAt: status === "SUBMITTED" ? null : receivedAt,
        assigneeId: options.assigneeId ?? null,
      },
    }),
  );
}
