// Confirming the email address opens the private status page, so the confirmation shows the request's
// real state (fulfilled, in progress...) rather than a fixed text. Only a proof of the address (the
// right code, the emailed link) opens it: a reference alone never does.
import { describe, expect, it } from "vitest";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { keyedHash, randomToken } from "../crypto.ts";
import { db } from "../db.ts";
import { createSubmission } from "./create-submission.ts";
import { getSubmissionStatus } from "./get-submission-status.ts";
import { verifyByCode } from "./verify-by-code.ts";
import { verifyByLink } from "./verify-by-link.ts";

runWorkersDuringTests();

let counter = 0;
const RIGHT = "246810";

async function filed() {
  const created = await createSubmission({
    input: { types: ["access"], email: `status-link${Date.now()}${counter++}@example.test`, country: "GB", locale: "en" },
    channel: "WEB",
  });
  const live = await db().verificationChallenge.findFirstOrThrow({ where: { submissionId: created.submissionId } });
  const token = randomToken();
  await db().verificationChallenge.update({
    where: { id: live.id },
    data: { codeHash: keyedHash("verify-code", `${created.submissionId}:${RIGHT}`), tokenHash: keyedHash("verify-token", token) },
  });
  return { reference: created.requests[0].reference, token };
}

describe("the status link given on confirmation", () => {
  it("the right code opens the submission's status page", async () => {
    const { reference } = await filed();
    const verified = await verifyByCode(reference, RIGHT);
    expect(verified.statusToken).toEqual(expect.any(String));
    const status = await getSubmissionStatus(verified.statusToken as string);
    expect(status.requests.map((r) => [r.reference, r.status])).toEqual([[reference, "VERIFIED"]]);
  });

  it("the link pressed again after the request was fulfilled opens a status page that says so", async () => {
    const { reference, token } = await filed();
    await verifyByLink(token);
    await db().dsarRequest.update({ where: { reference }, data: { status: "COMPLETED", outcome: "FULFILLED", closedAt: new Date() } });
    const again = await verifyByLink(token);
    expect(again.alreadyVerified).toBe(true);
    const status = await getSubmissionStatus(again.statusToken as string);
    expect(status.requests.map((r) => [r.reference, r.status, r.outcome])).toEqual([[reference, "COMPLETED", "FULFILLED"]]);
  });

  it("a code typed once the address is confirmed gives no status link (the reference alone proves nothing)", async () => {
    const { reference, token } = await filed();
    await verifyByLink(token);
    const again = await verifyByCode(reference, "000000");
    expect(again).toMatchObject({ alreadyVerified: true, statusToken: null });
  });
});
