// A connector test's answer in the reader's language, for the connectors page: its message (or,
// when it lists findings, its summary) and each finding are check messages (staffChecks), said in
// the reader's language when the catalogue knows them. A system's own words (a driver's error)
// stay as they are.
import type { TestResult } from "../connectors/connector.ts";
import type { Locale } from "./catalogue.ts";
import { localiseCheckMessage } from "./localise-check-message.ts";
import { translator } from "./translator.ts";

export type LocalisedTestResult = { ok: boolean; message: string; findings?: string[] };

export function localiseTestResult(result: TestResult, locale: Locale): LocalisedTestResult {
  const say = (message: string) => (locale === "en" ? undefined : localiseCheckMessage(message, locale)) ?? message;
  if (!result.findings || result.summary === undefined) return { ok: result.ok, message: say(result.message) };
  const t = translator(locale);
  return {
    ok: result.ok,
    message: say(result.summary),
    findings: result.findings.map((finding) =>
      finding.path ? t("staffConnectors.controls.finding", { path: finding.path, problem: say(finding.message) }) : say(finding.message),
    ),
  };
}
