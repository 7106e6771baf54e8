import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { connectorForEdit } from "@/lib/connectors/connector-for-edit.ts";
import { connectorFormOptions } from "@/lib/connectors/connector-form-options.ts";
import { AppError } from "@/lib/errors.ts";
import { EnableConnectorButton, TestConnectorButton } from "../_components/connector-controls.tsx";
import { ConnectorForm } from "../_components/connector-form.tsx";
import { DataMapView } from "../_components/data-map-view.tsx";
import { WorkerNote } from "../_components/worker-note.tsx";
import "../connectors.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffConnectors");
  return { title: t("edit.title") };
}

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
  const t = await getTranslations("staffConnectors");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">{t("back")}</Link>
      </p>
      <h1>{connector.name}</h1>
      {created ? (
        <p className="message message--success" role="status">
          {t("edit.created")}
        </p>
      ) : null}
      {/* A <div>, not a <p>: the buttons are forms, which a paragraph cannot hold (the browser closes the
          paragraph before each form, so the page no longer matches what React renders: hydration error #418). */}
      <dl className="facts connector-identity">
        <dt>{t("edit.key")}</dt>
        <dd>
          <code>{connector.key}</code> {t("edit.keyNote")}
        </dd>
        <dt>{t("edit.type")}</dt>
        <dd>
          {connector.type} {t("edit.typeNote")}
        </dd>
        <dt>{t("edit.state")}</dt>
        <dd>{connector.enabled ? t("edit.enabled") : t("edit.disabled")}</dd>
      </dl>
      <div className="connector-controls">
        <TestConnectorButton connectorKey={connector.key} />
        <EnableConnectorButton connectorKey={connector.key} enabled={connector.enabled} />
      </div>
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
