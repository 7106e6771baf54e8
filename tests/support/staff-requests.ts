// Requests and staff accounts for tests of the staff decisions: filed the way a person does,
// verified with the code from the email, in any country and language.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db.ts";
import type { StaffRole } from "../../lib/generated/prisma/enums.ts";
import { createSubmission } from "../../lib/requests/create-submission.ts";
import { verifyByCode } from "../../lib/requests/verify-by-code.ts";
import { type CaughtEmail, codeIn, waitForEmail } from "./mailbox.ts";

const catcher = () => process.env.MAIL_CATCHER_URL as string;
let counter = 0;

export const uniqueEmail = (prefix = "person") => `${prefix}${Date.now()}${counter++}@example.test`;

type Filing = {
  type?: "access" | "erasure" | "portability" | "rectification";
  country?: string;
  region?: string;
  locale?: "en" | "fr";
  /** The account number the person types (a hint until staff confirm it). */
  accountId?: string;
  /** A rectification's corrections (one free-text correction when left out). */
  corrections?: Array<{ field: string; correctValue: string }>;
  verify?: boolean;
};

/** A request as the person files it; verified with the emailed code unless `verify: false`. */
export async function fileRequest(filing: Filing = {}) {
  const email = uniqueEmail();
  const created = await createSubmission({
    input: {
      types: [filing.type ?? "access"],
      email,
      country: filing.country ?? "FR",
      region: filing.region,
      locale: filing.locale ?? "en",
      accountId: filing.accountId,
      corrections:
        filing.type === "rectification"
          ? (filing.corrections ?? [{ field: "The name on my invoices", correctValue: "Ana Roy" }])
          : undefined,
    },
    channel: "WEB",
  });
  const { reference, id } = created.requests[0];
  const first = await waitForEmail(catcher(), email, (m) => m.text.includes(reference), 30_000);
  if (filing.verify !== false) await verifyByCode(reference, codeIn(first));
  return { email, reference, id, firstEmailId: first.id };
}

/** The next email the person receives whose text matches. */
export function nextEmail(email: string, matches: (message: CaughtEmail) => boolean) {
  return waitForEmail(catcher(), email, matches, 30_000);
}

export async function createStaff(role: StaffRole, options: { disabled?: boolean } = {}) {
  return db().staffUser.create({
    data: {
      email: uniqueEmail(role.toLowerCase()),
      role,
      passwordHash: "not-used-in-these-tests",
      mustChangePassword: false,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
}

/** A connector no approval picks up (disabled), to hang tasks in a chosen state on a request. */
export async function createIdleConnector() {
  return db().connector.create({
    data: {
      key: `idle-${randomUUID()}`,
      name: "Paper archive",
      type: "manual",
      actions: [],
      enabled: false,
      configEncrypted: "-",
    },
  });
}
