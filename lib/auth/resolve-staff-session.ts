// Reads a session token: unknown, revoked, idle too long, past its absolute end, or of a disabled
// account → null. Otherwise says what the person may do next (the "stage").
import { db } from "../db.ts";
import { env } from "../env.ts";
import { staffSessionTokenHash } from "./create-staff-session.ts";
import type { StaffPrincipal } from "./staff-principal.ts";

export type SessionStage =
  /** A one-time or reset password must be replaced first. */
  | "change-password"
  /** The account has two-factor: the code is still to be entered. */
  | "second-factor"
  /** Admins must set up two-factor before anything else. */
  | "setup-two-factor"
  | "ready";

export type ResolvedStaffSession = {
  principal: Extract<StaffPrincipal, { kind: "user" }>;
  stage: SessionStage;
  sessionId: string;
  expiresAt: Date;
  /** The member's saved language for the staff pages; null follows the browser's. */
  locale: string | null;
};

// lastSeenAt is written at most this often, so reading pages does not mean a write each time.
const TOUCH_INTERVAL_MS = 60_000;

export async function resolveStaffSession(token: string | undefined, now = new Date()): Promise<ResolvedStaffSession | null> {
  if (!token || token.length > 200) return null;
  const session = await db().staffSession.findUnique({
    where: { tokenHash: staffSessionTokenHash(token) },
    include: {
      user: {
        select: { id: true, email: true, role: true, disabledAt: true, mustChangePassword: true, totpEnabledAt: true, locale: true },
      },
    },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  const idleLimitMs = env().STAFF_SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleLimitMs) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return {
    principal: { kind: "user", userId: user.id, email: user.email, role: user.role, sessionId: session.id },
    stage: sessionStage({
      ...user,
      secondFactorAt: session.secondFactorAt,
      signInMethod: session.signInMethod,
      identityProviderMfa: session.identityProviderMfa,
    }),
    sessionId: session.id,
    expiresAt: session.expiresAt,
    locale: user.locale,
  };
}

// A single sign-on session owes no password change (no password was used), and one whose provider
// asserted multi-factor authentication owes no local second factor nor its setup.
function sessionStage(state: {
  role: string;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
  secondFactorAt: Date | null;
  signInMethod: "PASSWORD" | "SSO";
  identityProviderMfa: boolean;
}): SessionStage {
  if (state.identityProviderMfa) return "ready";
  if (state.totpEnabledAt && !state.secondFactorAt) return "second-factor";
  if (state.mustChangePassword && state.signInMethod === "PASSWORD") return "change-password";
  if (state.role === "ADMIN" && !state.totpEnabledAt) return "setup-two-factor";
  return "ready";
}
