// The language of the staff pages for this request: the member's saved choice (account page),
// else the language chosen on the public pages (the `locale` cookie), else the browser's.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { currentStaffSession } from "../auth/require-staff.ts";
import { cookieValue } from "../auth/require-staff-from-page.ts";
import { resolveStaffSession } from "../auth/resolve-staff-session.ts";
import { STAFF_SESSION_COOKIE } from "../auth/staff-session-cookie.ts";
import type { Locale } from "./catalogue.ts";
import { preferredLocale } from "./preferred-locale.ts";

export const staffLocale = cache(async (): Promise<Locale> => {
  const session = await currentStaffSession();
  const saved = session?.locale ?? (await cookies()).get("locale")?.value;
  return preferredLocale(saved, (await headers()).get("accept-language"));
});

/** The same, read from a route handler's own request (no Next.js request scope needed). */
export async function staffLocaleOf(request: Request): Promise<Locale> {
  const session = await resolveStaffSession(cookieValue(request.headers, STAFF_SESSION_COOKIE));
  return preferredLocale(session?.locale ?? cookieValue(request.headers, "locale"), request.headers.get("accept-language"));
}
