// Dates a person reads are days on the controller's calendar, not UTC's. The controller here is in
// Los Angeles and the package expires at 23:30 there, 07:30 UTC the next day: the email and the
// download page must both say the Los Angeles day.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Before anything reads the configuration (env() parses it once per test file).
process.env.CONTROLLER_TIME_ZONE = "America/Los_Angeles";

const { db } = await import("../../lib/db.ts");
const { decryptString } = await import("../../lib/crypto.ts");
const { EMAIL_PROPS_PURPOSE } = await import("../../lib/email/queue-email.ts");
const { finaliseRequest } = await import("../../lib/fulfilment/finalise-request.ts");
const { getDownloadInfo } = await import("../../lib/fulfilment/open-download.ts");
const { readRetentionSettings } = await import("../../lib/retention/retention-settings.ts");
const { seedRequests } = await import("../../lib/reports/report-seed.test-support.ts");

afterAll(() => {
  vi.useRealTimers();
});

describe("dates in the controller's time zone (west of UTC)", () => {
  it("the package email's expiry day and the download page's are the Los Angeles day at 23:30 there", async () => {
    const reference = `TZ-${randomUUID()}`;
    await seedRequests([
      {
        reference,
        type: "ACCESS",
        status: "IN_PROGRESS",
        jurisdiction: "US_CA",
        receivedAt: "2026-05-01T18:00:00Z",
        dueDate: "2026-06-14",
      },
    ]);
    const request = await db().dsarRequest.update({ where: { reference }, data: { email: "tz@example.test", locale: "en" } });
    const { packageDays } = await readRetentionSettings();
    // The package expires packageDays later, at 23:30 on 20 May in Los Angeles (PDT, UTC-7).
    const expiresAt = Date.parse("2026-05-21T06:30:00Z");
    // Only Date is faked, and it keeps moving: the package is built a few seconds after this instant.
    vi.useFakeTimers({ toFake: ["Date"], now: expiresAt - packageDays * 86_400_000, shouldAdvanceTime: true });
    try {
      expect(await finaliseRequest(request.id)).toBe("completed");
    } finally {
      vi.useRealTimers();
    }
    const message = await db().emailMessage.findFirstOrThrow({ where: { requestId: request.id, template: "package-ready" } });
    const { props } = JSON.parse(decryptString((message.props as { sealed: string }).sealed, EMAIL_PROPS_PURPOSE));
    expect(props.expiresOn).toBe("2026-05-20");

    const token = new URL(props.downloadUrl).pathname.split("/").at(-1) as string;
    const info = await getDownloadInfo(token, new Date(expiresAt - 86_400_000));
    expect(info.expiresOn).toBe("2026-05-20");
    expect(info.expiresAt).toMatch(/^2026-05-21T06:3/);
  });
});
