import type { Metadata } from "next";
import Link from "next/link";
import { isSsoRefusalReason, ssoRefusalMessages } from "@/lib/auth/sso/sso-refusal.ts";

export const metadata: Metadata = { title: "Single sign-on refused" };

// Open to anyone: it only explains a refused single sign-on, from a fixed list of reasons.
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const { reason } = await searchParams;
  const message = isSsoRefusalReason(reason) ? ssoRefusalMessages[reason] : "The sign-in could not be completed. Start again.";
  return (
    <div className="staff-narrow">
      <h1>You are not signed in</h1>
      <p role="alert">{message}</p>
      <p>
        <Link href="/staff/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
}
