// Loaded only after the test stack's configuration is in process.env (see staff.ts).
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { createStaffSession } from "../../lib/auth/create-staff-session.ts";
import { createStaffUser } from "../../lib/auth/create-staff-user.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { generateTotpSecret, totpCode, totpStep } from "../../lib/auth/totp.ts";
import { encryptString } from "../../lib/crypto.ts";
import { db } from "../../lib/db.ts";

const lastCode = new Map<string, number>();

export async function createReadyStaff(email: string, role: "admin" | "agent" | "auditor", twoFactor: boolean, mustChangePassword = false) {
  const { user } = await createStaffUser({ email, role });
  const password = `e2e passphrase ${Math.random().toString(36).slice(2)}`;
  const totpSecret = twoFactor ? generateTotpSecret() : null;
  await db().staffUser.update({
    where: { id: user.id },
    data: {
      passwordHash: await hashPassword(password),
      mustChangePassword,
      ...(totpSecret ? { totpSecretEncrypted: encryptString(totpSecret, "totp"), totpEnabledAt: new Date() } : {}),
    },
  });
  return { id: user.id, email, role, password, totpSecret };
}

export async function openSession(userId: string): Promise<string> {
  const { token, sessionId } = await createStaffSession(userId);
  await db().staffSession.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
  return token;
}

export async function makeApiKey(role: "admin" | "agent" | "auditor" | "integration"): Promise<string> {
  return (await createApiKey({ name: `e2e ${role}`, role })).key;
}

/** A code the portal has not seen yet: waits for the next 30-second step when this one was used. */
export async function freshTotp(secret: string): Promise<string> {
  let step = totpStep(new Date());
  if ((lastCode.get(secret) ?? -1) >= step) {
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    step = totpStep(new Date());
  }
  lastCode.set(secret, step);
  return totpCode(secret, step);
}
