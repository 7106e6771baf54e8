import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE } from "@/lib/discovery/discover-mapping.ts";
import { DiscoverForm } from "../_components/discover-form.tsx";
import "../connectors.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffConnectors");
  return { title: t("discover.title") };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function ProposeMappingPage() {
  await requireStaffPage("connectors.manage");
  await connection();
  const t = await getTranslations("staffConnectors");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">{t("back")}</Link>
      </p>
      <h1>{t("discover.title")}</h1>
      <p>{t("discover.lead", { sample: DEFAULT_SAMPLE_SIZE })}</p>
      <p>{t.rich("discover.safety", { code })}</p>
      <DiscoverForm sampleSize={DEFAULT_SAMPLE_SIZE} maxSampleSize={MAX_SAMPLE_SIZE} />
    </div>
  );
}
