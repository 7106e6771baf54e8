// Requests for fulfilment tests: filed and verified the way a person does (the code from the
// email), and a wait until they reach a status, which says where each task stands if not.
import { db } from "../../lib/db.ts";
import { createSubmission } from "../../lib/requests/create-submission.ts";
import { verifyByCode } from "../../lib/requests/verify-by-code.ts";
import { codeIn, waitForEmail } from "./mailbox.ts";

export async function fileVerifiedRequest(
  email: string,
  type: "access" | "erasure" | "portability" | "rectification",
  corrections?: Array<{ field: string; correctValue: string; currentValue?: string }>,
  person: { locale?: "en" | "fr"; country?: string; region?: string } = {},
) {
  const { locale = "en", country = "FR", region } = person;
  const created = await createSubmission({
    input: { types: [type], email, country, ...(region ? { region } : {}), locale, corrections },
    channel: "WEB",
  });
  const reference = created.requests[0].reference;
  const message = await waitForEmail(process.env.MAIL_CATCHER_URL as string, email, (m) => m.text.includes(reference), 30_000);
  await verifyByCode(reference, codeIn(message));
  return reference;
}

export function requestsWithTasks(references: string[]) {
  return db().dsarRequest.findMany({
    where: { reference: { in: references } },
    include: { tasks: { include: { connector: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { reference: "asc" },
  });
}

export async function waitForRequests(references: string[], status: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await requestsWithTasks(references);
    if (rows.length === references.length && rows.every((row) => row.status === status)) return rows;
    if (Date.now() > deadline) {
      const state = rows.map(
        (row) =>
          `${row.reference} ${row.status} [${row.tasks.map((t) => `${t.connector.key}=${t.status}/${t.attempts} ${t.lastError ?? ""}`).join(", ")}]`,
      );
      throw new Error(`not all ${status} within ${timeoutMs} ms:\n${state.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
