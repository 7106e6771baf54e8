// The acknowledgement email, sent through the real queue and SMTP, writes its dates the way the
// person's country does: day first in the United Kingdom, month first in the United States.
import { describe, expect, it } from "vitest";
import { waitForEmail } from "../../tests/support/mailbox.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { keyedHash, randomToken } from "../crypto.ts";
import { db } from "../db.ts";
import { createSubmission } from "../requests/create-submission.ts";
import { getSubmissionStatus } from "../requests/get-submission-status.ts";
import { verifyByLink } from "../requests/verify-by-link.ts";

runWorkersDuringTests();

const catcher = () => process.env.MAIL_CATCHER_URL as string;
let counter = 0;

async function acknowledged(country: string, region?: string) {
  const email = `dates-${country.toLowerCase()}${Date.now()}${counter++}@example.test`;
  const created = await createSubmission({ input: { types: ["access"], email, country, region, locale: "en" }, channel: "WEB" });
  const token = randomToken();
  await db().verificationChallenge.updateMany({
    where: { submissionId: created.submissionId },
    data: { tokenHash: keyedHash("verify-token", token) },
  });
  const verified = await verifyByLink(token);
  const message = await waitForEmail(catcher(), email, (m) => /answer by/.test(m.text));
  return { text: message.text, status: await getSubmissionStatus(verified.statusToken) };
}

describe("dates in the person's emails", () => {
  it("a UK request's acknowledgement says the due date day first", async () => {
    const { text, status } = await acknowledged("GB");
    expect(status.requests[0].country).toBe("GB");
    expect(text).toMatch(/answer by [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ 20\d\d\./);
  });

  it("a US resident's acknowledgement says it month first", async () => {
    const { text } = await acknowledged("US", "US-CA");
    expect(text).toMatch(/answer by [A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, 20\d\d\./);
  });
});
