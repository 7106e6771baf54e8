// Invites a colleague: an account that cannot sign in yet (a random password nobody knows), and an
// email with a link, valid 72 hours, where they choose their password. Only the link's keyed hash
// is stored. Inviting again someone who has not accepted yet replaces the link (the old one stops
// working) and may change the role. The inviting administrator chooses the new member's language:
// the invitation is written in it, and it is saved as the member's choice (their account page
// changes it).
import { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import { keyedHash, normaliseEmail, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { catalogueLocales } from "../i18n/catalogue.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";

export const INVITE_VALID_HOURS = 72;

export const inviteStaffUserSchema = z.object({
  email: z.email({ message: "staffUsers.validation.email" }).max(320),
  role: z.enum(["admin", "agent", "auditor"], { message: "staffUsers.validation.role" }),
  /** The new member's language (emails and pages until they choose another). */
  locale: z.enum(catalogueLocales).default("en"),
});

export function staffInviteTokenHash(token: string): string {
  return keyedHash("staff-invite", token);
}

export function staffInviteUrl(token: string): string {
  return new URL(`/staff/invite/${encodeURIComponent(token)}`, env().APP_URL).toString();
}

export async function inviteStaffUser(options: z.input<typeof inviteStaffUserSchema> & { actor: Actor; now?: Date }) {
  const { email: typed, role, locale } = inviteStaffUserSchema.parse(options);
  const email = normaliseEmail(typed);
  const now = options.now ?? new Date();
  const token = randomToken();
  const inviteUrl = staffInviteUrl(token);
  const expiresAt = new Date(now.getTime() + INVITE_VALID_HOURS * 3_600_000);
  // Nobody knows this password, and sign-in refuses an account with a pending invitation anyway.
  const unusablePasswordHash = await hashPassword(randomToken(32));
  const staffRole = role.toUpperCase() as "ADMIN" | "AGENT" | "AUDITOR";
  const invite = { inviteTokenHash: staffInviteTokenHash(token), inviteExpiresAt: expiresAt, role: staffRole, locale };
  const { user, emailId, reinvited } = await db().$transaction(async (tx: Tx) => {
    const existing = await tx.staffUser.findUnique({ where: { email } });
    if (existing && !existing.inviteTokenHash) {
      // The field's issue names a catalogue message: the staff form shows it in the member's language.
      throw new AppError("CONFLICT", `${email} already has a staff account.`, {
        issues: [{ path: "email", message: "staffUsers.errors.emailTaken" }],
      });
    }
    if (existing?.disabledAt) {
      throw new AppError("INVALID_STATE", `The account of ${email} is disabled: enable it before inviting again.`, {
        text: { key: "staffUsers.errors.accountDisabled", values: { email } },
      });
    }
    const saved = existing
      ? await tx.staffUser.update({ where: { id: existing.id }, data: invite })
      : await tx.staffUser.create({ data: { email, passwordHash: unusablePasswordHash, mustChangePassword: true, ...invite } });
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: "staff.user-invited",
      data: { userId: saved.id, role: saved.role, reinvited: Boolean(existing), expiresAt: expiresAt.toISOString() },
    });
    const queued = await queueEmail(tx, {
      template: "staff-invitation",
      locale,
      to: email,
      staffUserId: saved.id,
      props: { inviteUrl, role, validHours: INVITE_VALID_HOURS },
      secrets: [inviteUrl, token],
    });
    return { user: saved, emailId: queued, reinvited: Boolean(existing) };
  });
  await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  // The link is returned for the operator's command line only; the staff pages never show it.
  return { userId: user.id, email: user.email, role: user.role, expiresAt, reinvited, inviteUrl };
}
