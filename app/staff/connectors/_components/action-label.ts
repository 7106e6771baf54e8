// A connector's action ("access", "opt_out") in the reader's words: the shared right labels of
// staffLabels; an action that is no right keeps its name.
import type { Catalogue } from "@/lib/i18n/catalogue.ts";

type RightKey = keyof Catalogue["staffLabels"]["right"];
type RightLabels = { (key: `right.${RightKey}`): string; has: (key: `right.${RightKey}`) => boolean };

export function actionLabel(labels: RightLabels, action: string): string {
  const key = `right.${action.toUpperCase() as RightKey}` as const;
  return labels.has(key) ? labels(key) : action;
}
