// How many guesses a verification code and a request allow, against the real database: tries are
// counted before any comparison (parallel guesses included), resends are capped, wrong codes void
// the code but not the emailed link.
import { describe, expect, it } from "vitest";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { keyedHash, randomToken } from "../crypto.ts";
import { db } from "../db.ts";
import { createSubmission } from "./create-submission.ts";
import { MAX_RESENDS_PER_DAY, resendVerification } from "./resend-verification.ts";
import { MAX_CODE_ATTEMPTS, MAX_CODE_ATTEMPTS_PER_REQUEST, verifyByCode } from "./verify-by-code.ts";
import { verifyByLink } from "./verify-by-link.ts";

runWorkersDuringTests();

let counter = 0;
const uniqueEmail = () => `limits${Date.now()}${counter++}@example.test`;
const RIGHT = "246810";
const WRONG = "135791";

/** Files a request and gives its live challenge a code and a link token the test knows. */
async function filed() {
  const created = await createSubmission({
    input: { types: ["access"], email: uniqueEmail(), country: "FR", locale: "en" },
    channel: "WEB",
  });
  const reference = created.requests[0].reference;
  const token = await knownSecrets(created.submissionId);
  return { reference, submissionId: created.submissionId, token };
}

async function knownSecrets(submissionId: string): Promise<string> {
  const live = await db().verificationChallenge.findFirstOrThrow({ where: { submissionId }, orderBy: { createdAt: "desc" } });
  const token = randomToken();
  await db().verificationChallenge.update({
    where: { id: live.id },
    data: { codeHash: keyedHash("verify-code", `${submissionId}:${RIGHT}`), tokenHash: keyedHash("verify-token", token) },
  });
  return token;
}

const settle = (calls: Array<Promise<unknown>>) => Promise.allSettled(calls);
const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === "rejected" ? (result.reason as { code?: string }).code : "OK");

describe("verification code limits", () => {
  it("compares at most five guesses of a code, however many arrive at once", async () => {
    const { reference, submissionId } = await filed();
    const results = await settle(Array.from({ length: 30 }, () => verifyByCode(reference, WRONG)));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "INVALID_CODE")).toHaveLength(MAX_CODE_ATTEMPTS - 1);
    expect(codes.filter((c) => c === "TOO_MANY_ATTEMPTS")).toHaveLength(30 - (MAX_CODE_ATTEMPTS - 1));
    const challenge = await db().verificationChallenge.findFirstOrThrow({ where: { submissionId } });
    expect(challenge.attempts).toBe(MAX_CODE_ATTEMPTS);
    await expect(verifyByCode(reference, RIGHT)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("SUBMITTED");
  });

  it("accepts the right code as the fifth try, and counts it", async () => {
    const { reference, submissionId } = await filed();
    for (let i = 0; i < MAX_CODE_ATTEMPTS - 1; i++)
      await expect(verifyByCode(reference, WRONG)).rejects.toMatchObject({ code: "INVALID_CODE" });
    await expect(verifyByCode(reference, RIGHT)).resolves.toMatchObject({ alreadyVerified: false });
    expect((await db().verificationChallenge.findFirstOrThrow({ where: { submissionId } })).attempts).toBe(MAX_CODE_ATTEMPTS);
  });

  it("voids the code only: the emailed link still confirms after five wrong codes", async () => {
    const { reference, token } = await filed();
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) await expect(verifyByCode(reference, WRONG)).rejects.toBeTruthy();
    await expect(verifyByCode(reference, RIGHT)).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    await expect(verifyByLink(token)).resolves.toMatchObject({ alreadyVerified: false, references: [reference] });
  });

  it("sends at most five new codes a day per request, even when asked for all at once", async () => {
    const { reference, submissionId } = await filed();
    const results = await settle(Array.from({ length: MAX_RESENDS_PER_DAY + 4 }, () => resendVerification(reference)));
    expect(results.map(codeOf).filter((c) => c === "OK")).toHaveLength(MAX_RESENDS_PER_DAY);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "TOO_MANY_ATTEMPTS", details: { startAgain: true, resendLimit: true } });
    expect(refused.reason.message).toMatch(/file a new request/);
    expect(await db().verificationChallenge.count({ where: { submissionId } })).toBe(1 + MAX_RESENDS_PER_DAY);
    // A day later, new codes can be sent again.
    await expect(resendVerification(reference, new Date(Date.now() + 86_400_000 + 60_000))).resolves.toBeTruthy();
  });

  it("limits the tries over all the codes of a request, then says to start again", async () => {
    const { reference, submissionId } = await filed();
    let used = 0;
    while (used < MAX_CODE_ATTEMPTS_PER_REQUEST) {
      if (used > 0) {
        await resendVerification(reference);
        await knownSecrets(submissionId);
      }
      const tries = Math.min(MAX_CODE_ATTEMPTS, MAX_CODE_ATTEMPTS_PER_REQUEST - used);
      for (let i = 0; i < tries; i++) await expect(verifyByCode(reference, WRONG)).rejects.toBeTruthy();
      used += tries;
    }
    // The last code had tries left of its own, but the request has none.
    const error = await verifyByCode(reference, RIGHT).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOO_MANY_ATTEMPTS", details: { startAgain: true } });
    expect((error as Error).message).toMatch(/file a new request/);
    const resend = await resendVerification(reference).catch((e: unknown) => e);
    expect(resend).toMatchObject({ code: "TOO_MANY_ATTEMPTS", details: { startAgain: true } });
    const total = await db().verificationChallenge.aggregate({ where: { submissionId }, _sum: { attempts: true } });
    expect(total._sum.attempts).toBe(MAX_CODE_ATTEMPTS_PER_REQUEST);
  });
});
