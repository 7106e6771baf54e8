"use client";
import { useTranslations } from "next-intl";
// The repeatable "what is wrong / what it should be" rows of a rectification. "What is wrong" is a
// choice among the fields the company can correct (from its data map), or "Something else" with
// the person's own description, which the privacy team corrects by hand. Add and remove are submit
// buttons until JavaScript runs, so the server action can change the rows without it.
import type { CorrectionChoice } from "@/lib/corrections/list-correction-choices.ts";
import { type CorrectionValues, MAX_CORRECTIONS, OTHER_CORRECTION } from "../actions.schema.ts";
import { describedBy, errorId, FieldError, fieldId, Hint, Marker } from "./form-parts.tsx";

type CorrectionRowsProps = {
  choices: CorrectionChoice[];
  rows: CorrectionValues[];
  hydrated: boolean;
  messageFor: (path: string) => string | undefined;
  onChange: (index: number, key: keyof CorrectionValues, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
};

export function CorrectionRows({ choices, rows, hydrated, messageFor, onChange, onAdd, onRemove }: CorrectionRowsProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  const groupError = messageFor("corrections");
  return (
    <fieldset
      className={`field group${groupError ? " field--error" : ""}`}
      aria-describedby={describedBy("corrections-hint", groupError && errorId("corrections"))}
    >
      <legend className="legend">
        {t("form.correctionsLegend")}
        <Marker text={common("required")} />
      </legend>
      <Hint id="corrections-hint">{t("form.correctionsHint")}</Hint>
      <FieldError id={errorId("corrections")} label={common("error")} message={groupError} />
      {rows.map((row, index) => (
        <CorrectionRow
          // Rows are controlled inputs, so an index key shows the right values after a removal.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
          key={index}
          choices={choices}
          index={index}
          row={row}
          removable={rows.length > 1}
          hydrated={hydrated}
          messageFor={messageFor}
          onChange={onChange}
          onRemove={onRemove}
        />
      ))}
      {rows.length < MAX_CORRECTIONS ? (
        <button
          type={hydrated ? "button" : "submit"}
          name="intent"
          value="add-correction"
          className="button button--secondary"
          onClick={hydrated ? onAdd : undefined}
        >
          {t("form.addCorrection")}
        </button>
      ) : null}
    </fieldset>
  );
}

type CorrectionRowProps = Omit<CorrectionRowsProps, "rows" | "onAdd"> & { index: number; row: CorrectionValues; removable: boolean };

function CorrectionRow({ choices, index, row, removable, hydrated, messageFor, onChange, onRemove }: CorrectionRowProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  // With no field to choose from, every correction is described in words.
  const other = choices.length === 0 || row.field === OTHER_CORRECTION;
  // Without JavaScript the description stays on screen, for when "Something else" is chosen.
  const showDescription = other || !hydrated;
  const chosen = choices.find((choice) => choice.name === row.field);
  const fieldPath = `corrections.${index}.field`;
  const fieldMessage = messageFor(fieldPath);
  const input = (
    key: "description" | "correctValue" | "currentValue",
    label: string,
    required: boolean,
    options: { hint?: string; multiline?: boolean; message?: string } = {},
  ) => {
    const path = `corrections.${index}.${key}`;
    const message = options.message ?? messageFor(path);
    const hintId = options.hint ? `${fieldId(path)}-hint` : null;
    const shared = {
      id: fieldId(path),
      name: path,
      value: row[key],
      required,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": describedBy(hintId, message && errorId(path)),
      onChange: (event: { target: { value: string } }) => onChange(index, key, event.target.value),
    };
    return (
      <div className={`field${message ? " field--error" : ""}`}>
        <label className="label" htmlFor={fieldId(path)}>
          {label}
          <Marker text={required ? common("required") : common("optional")} />
        </label>
        {options.hint && hintId ? <Hint id={hintId}>{options.hint}</Hint> : null}
        <FieldError id={errorId(path)} label={common("error")} message={message} />
        {options.multiline ? <textarea className="textarea" rows={3} {...shared} /> : <input type="text" className="input" {...shared} />}
      </div>
    );
  };
  return (
    <fieldset className="correction">
      <legend className="legend legend--small">{t("form.correctionRow", { n: index + 1 })}</legend>
      {choices.length === 0 ? (
        <input type="hidden" name={fieldPath} value={OTHER_CORRECTION} />
      ) : (
        <div className={`field${fieldMessage && !other ? " field--error" : ""}`}>
          <label className="label" htmlFor={fieldId(fieldPath)}>
            {t("form.correctionField")}
            <Marker text={common("required")} />
          </label>
          <Hint id={`${fieldId(fieldPath)}-hint`}>{chosen?.hint ?? t("form.correctionFieldHint")}</Hint>
          <FieldError id={errorId(fieldPath)} label={common("error")} message={other ? undefined : fieldMessage} />
          <select
            id={fieldId(fieldPath)}
            name={fieldPath}
            className="select"
            required
            value={row.field}
            aria-invalid={fieldMessage && !other ? true : undefined}
            aria-describedby={describedBy(`${fieldId(fieldPath)}-hint`, fieldMessage && !other && errorId(fieldPath))}
            onChange={(event) => onChange(index, "field", event.target.value)}
          >
            <option value="">{t("form.correctionFieldPlaceholder")}</option>
            {choices.map((choice) => (
              <option key={choice.name} value={choice.name}>
                {choice.label}
              </option>
            ))}
            <option value={OTHER_CORRECTION}>{t("form.correctionOther")}</option>
          </select>
        </div>
      )}
      {showDescription
        ? input("description", t("form.correctionDescription"), other, {
            hint: t("form.correctionDescriptionHint"),
            message: other ? fieldMessage : undefined,
          })
        : null}
      {input("correctValue", t("form.correctionValue"), true, { multiline: chosen?.multiline ?? other })}
      {input("currentValue", t("form.correctionCurrent"), false, { multiline: chosen?.multiline ?? other })}
      {removable ? (
        <button
          type={hydrated ? "button" : "submit"}
          name="intent"
          value={`remove-correction:${index}`}
          className="button button--secondary button--small"
          onClick={hydrated ? () => onRemove(index) : undefined}
        >
          {t("form.removeCorrection", { n: index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}
