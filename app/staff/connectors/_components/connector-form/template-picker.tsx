"use client";
// Ready-made configs of a type (rest: Stripe, Zendesk, HubSpot): one is chosen, then loaded into
// the configuration. A configuration written by hand is replaced only once the member confirms.
import { useTranslations } from "next-intl";
import { useState } from "react";

export type ConnectorTemplate = { name: string; title: string; text: string };

export function TemplatePicker({
  templates,
  isHandWritten,
  onLoad,
}: {
  templates: ConnectorTemplate[];
  /** Whether the configuration now in the form was written by hand (not an example nor a template as loaded). */
  isHandWritten: () => boolean;
  onLoad: (text: string) => void;
}) {
  const t = useTranslations("staffConnectors.form");
  const [template, setTemplate] = useState("");
  const [loaded, setLoaded] = useState("");
  const load = () => {
    const chosen = templates.find((candidate) => candidate.name === template);
    if (!chosen) return;
    if (isHandWritten() && !window.confirm(t("replaceConfirm", { title: chosen.title }))) return;
    onLoad(chosen.text);
    setLoaded(t("templateLoaded", { title: chosen.title }));
  };
  return (
    <div className="field">
      <label className="label" htmlFor="template">
        {t("template")}
      </label>
      <p id="template-hint" className="hint">
        {t("templateHint")}
      </p>
      <div className="connector-form__template">
        <select
          id="template"
          className="select"
          aria-describedby="template-hint"
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value);
            setLoaded("");
          }}
        >
          <option value="">{t("chooseTool")}</option>
          {templates.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.title}
            </option>
          ))}
        </select>
        <button type="button" className="button button--secondary" aria-disabled={!template} onClick={load}>
          {t("loadTemplate")}
        </button>
      </div>
      <p className="hint connector-form__loaded" role="status">
        {loaded}
      </p>
    </div>
  );
}
