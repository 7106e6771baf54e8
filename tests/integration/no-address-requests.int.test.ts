// A request filed with no address at all (an opt-out the company's own system relayed by account id
// alone): staff can still decide on it — deny, close — with nothing sent, while asking it for
// information or writing to it is refused with a message that says why, and is not offered. Before,
// every decision that emails the person failed on it with "no email address any more (purged)".
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db.ts";
import { seedRequests } from "../../lib/reports/report-seed.test-support.ts";
import { askForInformation } from "../../lib/requests/ask-for-information.ts";
import { closeRequest } from "../../lib/requests/close-request.ts";
import { denyRequest } from "../../lib/requests/deny-request.ts";
import { getRequestDetails } from "../../lib/requests/get-request-details.ts";
import { sendMessageToPerson } from "../../lib/requests/send-message-to-person.ts";

const staff = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000009" };

async function requestWithNoAddress(status: "VERIFIED" | "IN_PROGRESS") {
  const reference = `NOADDR-${randomUUID().slice(0, 8)}`;
  await seedRequests([
    { reference, type: "OPT_OUT", status, jurisdiction: "US_CA", receivedAt: new Date().toISOString(), dueDate: "2027-01-07" },
  ]);
  await db().dsarRequest.update({
    where: { reference },
    data: { email: null, emailHash: null, accountId: `ACCT-${reference}`, accountIdConfirmedAt: new Date() },
  });
  return reference;
}

const emailsOf = async (reference: string) => db().emailMessage.count({ where: { request: { reference } } });

describe("a request with no address", () => {
  it("can be denied, with nothing sent", async () => {
    const reference = await requestWithNoAddress("VERIFIED");
    await denyRequest({ reference, reason: "NO_DATA_HELD", actor: staff });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("DENIED");
    expect(await emailsOf(reference)).toBe(0);
  });

  it("can be closed, with nothing sent", async () => {
    const reference = await requestWithNoAddress("IN_PROGRESS");
    await closeRequest({ reference, outcome: "FULFILLED", actor: staff });
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("COMPLETED");
    expect(await emailsOf(reference)).toBe(0);
  });

  it("refuses a question or a message, saying there is nobody to write to, and does not offer them", async () => {
    const reference = await requestWithNoAddress("VERIFIED");
    await expect(askForInformation({ reference, input: { message: "Which account do you mean, please?" }, actor: staff })).rejects.toThrow(
      /no email address: the company's own system filed it with an account number only/,
    );
    await expect(sendMessageToPerson({ reference, input: { message: "Hello there" }, actor: staff })).rejects.toThrow(/nobody to write to/);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("VERIFIED");
    const { actions } = await getRequestDetails(reference);
    expect({ ask: actions.askForInformation, message: actions.messagePerson }).toEqual({ ask: false, message: false });
  });
});
