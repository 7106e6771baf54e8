import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { connectorForEdit } from "@/lib/connectors/connector-for-edit.ts";
import { connectorFormOptions } from "@/lib/connectors/connector-form-options.ts";
import { AppError } from "@/lib/errors.ts";
import { EnableConnectorButton, TestConnectorButton } from "../_components/connector-controls.tsx";
import { ConnectorForm } from "../_components/connector-form.tsx";
import { DataMapView } from "../_components/data-map-view.tsx";
import { WorkerNote } from "../_components/worker-note.tsx";
import "../connectors.css";

export const metadata: Metadata = { title: "Edit connector" };

export default async function EditConnectorPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaffPage("connectors.manage");
  await connection();
  const { key } = await params;
  // Keys are lower-case letters, digits and dashes (connectors-file.schema.ts): anything else is no connector.
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(key)) notFound();
  const created = (await searchParams).created === "1";
  const connector = await connectorForEdit(key).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { examples } = connectorFormOptions();
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">← Connectors</Link>
      </p>
      <h1>
        {connector.name} <code>{connector.key}</code>
      </h1>
      {created ? (
        <p className="message message--success" role="status">
          Connector added.
        </p>
      ) : null}
      <p>
        {connector.enabled ? "Enabled" : "Disabled"}. <TestConnectorButton connectorKey={connector.key} />
        <EnableConnectorButton connectorKey={connector.key} enabled={connector.enabled} />
      </p>
      <DataMapView connector={connector} />
      <WorkerNote />
      <ConnectorForm
        mode="edit"
        secretsByType={{ [connector.type]: connector.secrets }}
        examples={examples}
        initial={{
          key: connector.key,
          name: connector.name,
          type: connector.type,
          actions: connector.actions,
          enabled: connector.enabled,
          maxAttempts: connector.maxAttempts,
          concurrency: connector.concurrency,
          rateLimitPerSecond: connector.rateLimitPerSecond,
          configText: connector.configText,
          fieldDescriptionsText: connector.fieldDescriptionsText,
          dataMapText: connector.dataMapText,
        }}
      />
    </div>
  );
}
