import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { connectorFormOptions } from "@/lib/connectors/connector-form-options.ts";
import { ConnectorForm } from "../_components/connector-form.tsx";
import { WorkerNote } from "../_components/worker-note.tsx";
import "../connectors.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffConnectors");
  return { title: t("new.title") };
}

export default async function NewConnectorPage() {
  await requireStaffPage("connectors.manage");
  await connection();
  const { secretsByType, examples, templatesByType } = connectorFormOptions();
  const t = await getTranslations("staffConnectors");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">{t("back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <WorkerNote />
      <ConnectorForm
        mode="create"
        secretsByType={secretsByType}
        examples={examples}
        templatesByType={templatesByType}
        initial={{
          key: "",
          name: "",
          type: "postgres",
          actions: ["access", "erasure"],
          enabled: true,
          maxAttempts: 5,
          concurrency: 2,
          rateLimitPerSecond: null,
          configText: examples.postgres ?? "",
          fieldDescriptionsText: "",
          dataMapText: "",
        }}
      />
    </div>
  );
}
