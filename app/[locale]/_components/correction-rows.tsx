"use client";
// The repeatable "what is wrong / what it should be" rows of a rectification. Add and remove are
// submit buttons until JavaScript runs, so the server action can change the rows without it.
import { t } from "@/lib/i18n/messages.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import { type CorrectionValues, MAX_CORRECTIONS } from "../actions.schema.ts";
import { describedBy, errorId, FieldError, fieldId, Hint, Marker } from "./form-parts.tsx";

type CorrectionRowsProps = {
  locale: Locale;
  rows: CorrectionValues[];
  hydrated: boolean;
  messageFor: (path: string) => string | undefined;
  onChange: (index: number, key: keyof CorrectionValues, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
};

export function CorrectionRows({ locale, rows, hydrated, messageFor, onChange, onAdd, onRemove }: CorrectionRowsProps) {
  const m = t(locale);
  const groupError = messageFor("corrections");
  return (
    <fieldset
      className={`field group${groupError ? " field--error" : ""}`}
      aria-describedby={describedBy("corrections-hint", groupError && errorId("corrections"))}
    >
      <legend className="legend">
        {m.form.correctionsLegend}
        <Marker text={m.common.required} />
      </legend>
      <Hint id="corrections-hint">{m.form.correctionsHint}</Hint>
      <FieldError id={errorId("corrections")} label={m.common.error} message={groupError} />
      {rows.map((row, index) => (
        <CorrectionRow
          // Rows are controlled inputs, so an index key shows the right values after a removal.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
          key={index}
          locale={locale}
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
          {m.form.addCorrection}
        </button>
      ) : null}
    </fieldset>
  );
}

type CorrectionRowProps = Omit<CorrectionRowsProps, "rows" | "onAdd"> & { index: number; row: CorrectionValues; removable: boolean };

function CorrectionRow({ locale, index, row, removable, hydrated, messageFor, onChange, onRemove }: CorrectionRowProps) {
  const m = t(locale);
  const input = (key: keyof CorrectionValues, label: string, required: boolean, hint?: string) => {
    const path = `corrections.${index}.${key}`;
    const message = messageFor(path);
    const hintId = hint ? `${fieldId(path)}-hint` : null;
    return (
      <div className={`field${message ? " field--error" : ""}`}>
        <label className="label" htmlFor={fieldId(path)}>
          {label}
          <Marker text={required ? m.common.required : m.common.optional} />
        </label>
        {hint && hintId ? <Hint id={hintId}>{hint}</Hint> : null}
        <FieldError id={errorId(path)} label={m.common.error} message={message} />
        <input
          id={fieldId(path)}
          name={path}
          type="text"
          className="input"
          value={row[key]}
          required={required}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(hintId, message && errorId(path))}
          onChange={(event) => onChange(index, key, event.target.value)}
        />
      </div>
    );
  };
  return (
    <fieldset className="correction">
      <legend className="legend legend--small">{m.form.correctionRow(index + 1)}</legend>
      {input("field", m.form.correctionField, true, m.form.correctionFieldHint)}
      {input("correctValue", m.form.correctionValue, true)}
      {input("currentValue", m.form.correctionCurrent, false)}
      {removable ? (
        <button
          type={hydrated ? "button" : "submit"}
          name="intent"
          value={`remove-correction:${index}`}
          className="button button--secondary button--small"
          onClick={hydrated ? () => onRemove(index) : undefined}
        >
          {m.form.removeCorrection(index + 1)}
        </button>
      ) : null}
    </fieldset>
  );
}
