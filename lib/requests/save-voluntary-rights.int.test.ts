// The rights the company honours for everyone: saved by admins, audited, and obeyed by the server
// (createSubmission) for a place whose law does not grant them.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db.ts";
import { createSubmission } from "./create-submission.ts";
import { readVoluntaryRights, VOLUNTARY_RIGHTS_SETTING_KEY } from "./rights-offered.ts";
import { saveVoluntaryRights } from "./save-voluntary-rights.ts";

const admin = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000004" };
const email = () => `voluntary-${crypto.randomUUID()}@example.test`;
const fileOptOutInFrance = () =>
  createSubmission({ input: { types: ["opt_out"], email: email(), country: "FR", locale: "fr" }, channel: "WEB" });

// The setting is shared by every test file of the run: leave it as we found it (absent).
afterEach(async () => {
  await db().setting.deleteMany({ where: { key: VOLUNTARY_RIGHTS_SETTING_KEY } });
});

describe("rights offered to everyone", () => {
  it("offers the opt-out in France once admins choose to, and no longer once they untick it", async () => {
    await expect(fileOptOutInFrance()).rejects.toMatchObject({ code: "RIGHT_NOT_GRANTED" });
    await saveVoluntaryRights({ voluntary: { rights: { opt_out: "everywhere" } }, actor: admin });
    expect(await readVoluntaryRights()).toEqual({ rights: { opt_out: "everywhere" } });
    const created = await fileOptOutInFrance();
    const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference: created.requests[0].reference } });
    expect(request).toMatchObject({ type: "OPT_OUT", jurisdiction: "EU_GDPR" });
    await saveVoluntaryRights({ voluntary: { rights: {} }, actor: admin });
    await expect(fileOptOutInFrance()).rejects.toMatchObject({ code: "RIGHT_NOT_GRANTED" });
  });

  it("audits each change with the rights chosen and who chose them", async () => {
    await saveVoluntaryRights({ voluntary: { rights: { opt_out: "everywhere", limit_sensitive: "everywhere" } }, actor: admin });
    const setting = await db().setting.findUniqueOrThrow({ where: { key: VOLUNTARY_RIGHTS_SETTING_KEY } });
    expect(setting.updatedById).toBe(admin.id);
    const [event] = await db().auditEvent.findMany({
      where: { action: "settings.voluntary-rights-changed", actorId: admin.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(event.data).toEqual({ everywhere: ["opt_out", "limit_sensitive"] });
  });

  it("refuses a right that does not exist, and stores nothing", async () => {
    await expect(
      saveVoluntaryRights({ voluntary: { rights: { sell_everything: "everywhere" } } as never, actor: admin }),
    ).rejects.toThrow();
    expect(await db().setting.count({ where: { key: VOLUNTARY_RIGHTS_SETTING_KEY } })).toBe(0);
  });
});
