// Creates a staff account with a one-time password that must be changed at first sign-in.
import { z } from "zod";
import { normaliseEmail } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { generateOneTimePassword, hashPassword } from "./password.ts";

export const staffRoles = ["admin", "agent", "auditor"] as const;

export const createStaffUserSchema = z.object({
  email: z.email({ message: "--email must be an email address" }),
  role: z.enum(staffRoles, { message: "--role must be admin, agent or auditor" }),
});

export async function createStaffUser(input: z.input<typeof createStaffUserSchema>, actor: Actor = { type: "SYSTEM" }) {
  const { email, role } = createStaffUserSchema.parse(input);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await db().$transaction(async (tx: Tx) => {
    const existing = await tx.staffUser.findUnique({ where: { email: normaliseEmail(email) } });
    if (existing) throw new AppError("CONFLICT", `A staff account already exists for ${normaliseEmail(email)}.`);
    const created = await tx.staffUser.create({
      data: { email: normaliseEmail(email), role: role.toUpperCase() as "ADMIN", passwordHash, mustChangePassword: true },
      select: { id: true, email: true, role: true },
    });
    await appendAuditEvent(tx, { actor, action: "staff.user-created", data: { userId: created.id, role: created.role } });
    return created;
  });
  return { user, oneTimePassword };
}
