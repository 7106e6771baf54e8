// What the append-only audit log keeps of a connector receipt: counts and fingerprints only. A
// receipt may carry text a person chose (an uploaded file's name, the field names typed in a
// rectification) or a source wrote (reasons, categories); the task row keeps that until the
// retention purge, but the audit log can never be purged.
type Receipt = {
  records?: unknown;
  categories?: unknown;
  files?: unknown;
  affected?: unknown;
  details?: unknown;
  applied?: unknown;
  unmapped?: unknown;
  via?: unknown;
  manual?: unknown;
  switchedOff?: unknown;
};

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const rows = (items: unknown[], keep: (item: Record<string, unknown>) => boolean) =>
  items.reduce<number>((sum, item) => {
    const row = (item ?? {}) as Record<string, unknown>;
    return keep(row) ? sum + (count(row.rows) ?? 0) : sum;
  }, 0);

export function summariseReceipt(receipt: object): Record<string, unknown> {
  const r = receipt as Receipt;
  const summary: Record<string, unknown> = {};
  if (count(r.records) !== undefined) summary.records = r.records;
  if (r.categories && typeof r.categories === "object") summary.categories = Object.keys(r.categories).length;
  if (Array.isArray(r.files)) {
    summary.files = r.files.length;
    summary.fileSha256 = r.files.map((file) => String((file as { sha256?: unknown })?.sha256 ?? ""));
    summary.fileBytes = r.files.reduce<number>((sum, file) => sum + (count((file as { bytes?: unknown })?.bytes) ?? 0), 0);
  }
  if (count(r.affected) !== undefined) summary.affected = r.affected;
  if (Array.isArray(r.details)) {
    summary.erasedRows = rows(r.details, (d) => d.strategy !== "retain");
    summary.retainedRows = rows(r.details, (d) => d.strategy === "retain");
  }
  if (Array.isArray(r.applied)) {
    summary.fieldsApplied = r.applied.length;
    summary.rowsChanged = rows(r.applied, () => true);
  }
  if (Array.isArray(r.unmapped)) summary.fieldsUnmapped = r.unmapped.length;
  if (Array.isArray(r.switchedOff)) {
    // Table and column names are the company's configuration, never the person's values.
    summary.switchedOff = r.switchedOff.map((item) => {
      const entry = (item ?? {}) as { category?: unknown; settings?: unknown };
      const columns = entry.settings && typeof entry.settings === "object" ? Object.keys(entry.settings) : [];
      return `${String(entry.category ?? "")}: ${columns.join(", ")}`;
    });
    summary.rowsChanged = rows(r.switchedOff, () => true);
  }
  if (r.via === "callback") summary.via = "callback";
  if (r.manual === true) summary.manual = true;
  return summary;
}
