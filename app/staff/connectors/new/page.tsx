import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { connectorFormOptions } from "@/lib/connectors/connector-form-options.ts";
import { ConnectorForm } from "../_components/connector-form.tsx";
import { WorkerNote } from "../_components/worker-note.tsx";
import "../connectors.css";

export const metadata: Metadata = { title: "Add a connector" };

export default async function NewConnectorPage() {
  await requireStaffPage("connectors.manage");
  await connection();
  const { secretsByType, examples, templatesByType } = connectorFormOptions();
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">← Connectors</Link>
      </p>
      <h1>Add a connector</h1>
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
