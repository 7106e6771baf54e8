// How changes reach the running workers (workers/connector-workers.ts re-reads the connectors
// table every 10 seconds and restarts a connector's worker when its limits changed).
import { getTranslations } from "next-intl/server";

export async function WorkerNote() {
  const t = await getTranslations("staffConnectors");
  return <p className="hint">{t("workerNote")}</p>;
}
