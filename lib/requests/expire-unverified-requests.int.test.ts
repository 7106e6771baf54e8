// The automatic expiry takes no action on the request, so its email must say where to complain
// (GDPR Art. 12(4)), with the authority of the person's jurisdiction, as a denial does.
import { describe, expect, it } from "vitest";
import { fileRequest, nextEmail } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { expireUnverifiedRequests } from "./expire-unverified-requests.ts";

const expiryOf = (reference: string) => (message: { text: string }) => message.text.includes(reference) && !/\b\d{6}\b/.test(message.text);

runWorkersDuringTests();

describe("expireUnverifiedRequests", () => {
  it("tells the person where to complain: the CNIL in French for a request from France", async () => {
    const { email, reference } = await fileRequest({ country: "FR", locale: "fr", verify: false });
    await expireUnverifiedRequests(new Date(Date.now() + 8 * 86_400_000));
    const notice = await nextEmail(email, expiryOf(reference));
    expect(notice.text).toContain("rien n’a donc été fait");
    expect(notice.text).toContain("Commission nationale de l’informatique et des libertés (CNIL)");
    expect(notice.text).toContain("recours juridictionnel");
  });

  it("gives the appeal and the state regulator where the law gives an appeal (Virginia)", async () => {
    const { email, reference } = await fileRequest({ country: "US", region: "VA", verify: false });
    await expireUnverifiedRequests(new Date(Date.now() + 8 * 86_400_000));
    const notice = await nextEmail(email, expiryOf(reference));
    expect(notice.text).toContain("You have the right to appeal this decision");
    expect(notice.text).toMatch(/Virginia/);
  });
});
