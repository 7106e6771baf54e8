"use server";
// The connectors page's changes: add or edit, enable or disable, and test against the system.
// Each checks connectors.manage first (runStaffAction) and calls one service.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { saveConnector } from "@/lib/connectors/save-connector.ts";
import { setConnectorEnabled } from "@/lib/connectors/set-connector-enabled.ts";
import { testConnectorByKey } from "@/lib/connectors/test-connector.ts";
import { localiseTestResult } from "@/lib/i18n/localise-test-result.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { connectorEnabledSchema, connectorFormSchema, connectorKeySchema } from "./actions.schema.ts";

export async function saveConnectorAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("connectors.manage", connectorFormSchema, formData, (data, me) =>
    saveConnector({ ...data, actor: actorOf(me) }),
  );
  if (!result.ok) return result;
  revalidatePath("/staff/connectors", "layout");
  if (result.data.outcome === "created") redirect(`/staff/connectors/${encodeURIComponent(result.data.key)}?created=1`);
  const t = translator(await staffLocale());
  // The changed fields are named as in a connectors file (name, config, dataMap…).
  const message =
    result.data.outcome === "unchanged"
      ? t("staffConnectors.form.unchanged")
      : [
          t("staffConnectors.form.savedFields", { fields: result.data.changed.join(", ") }),
          result.data.workerResync ? t("staffConnectors.form.workerResync") : "",
        ]
          .filter(Boolean)
          .join(" ");
  return { ...result, message };
}

export async function setConnectorEnabledAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("connectors.manage", connectorEnabledSchema, formData, (data, me) =>
    setConnectorEnabled({ ...data, actor: actorOf(me) }),
  );
  if (result.ok) revalidatePath("/staff/connectors", "layout");
  return result;
}

export async function testConnectorAction(_previous: unknown, formData: FormData) {
  const result = await runStaffAction("connectors.manage", connectorKeySchema, formData, ({ key }) => testConnectorByKey(key));
  if (!result.ok) return result;
  // The test answers in English (the command line's words); the page says it in the member's language.
  return { ...result, data: { key: result.data.key, ...localiseTestResult(result.data, await staffLocale()) } };
}
