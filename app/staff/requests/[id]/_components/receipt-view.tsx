// A connector task's receipt as staff read it: what was found, erased, kept (and why) or corrected,
// in words, in the reader's language. A receipt of a shape this page does not know is shown as
// data, folded away.
import { useTranslations } from "next-intl";

type Counted = Record<string, number>;
type EraseDetail = { category: string; strategy: string; rows: number; reason?: string; columns?: Record<string, string> };
type Applied = { field: string; category: string; column: string; rows: number };
type KnownReceipt = {
  records?: number;
  categories?: Counted;
  via?: string;
  files?: Array<{ name?: string; bytes?: number }>;
  affected?: number;
  details?: EraseDetail[];
  applied?: Applied[];
  unmapped?: string[];
  manual?: boolean;
};

type ReceiptT = ReturnType<typeof useTranslations<"staffRequest.receipt">>;

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
/** A source's own names (categories, masking methods) as words: "order_items" → "order items". */
const words = (value: string) => value.toLowerCase().replaceAll("_", " ");
const KNOWN = new Set(["records", "categories", "via", "files", "affected", "details", "applied", "unmapped", "manual"]);

function isKnown(receipt: object): receipt is KnownReceipt {
  const r = receipt as Record<string, unknown>;
  if (!Object.keys(r).every((key) => KNOWN.has(key))) return false;
  if (r.records !== undefined && !isCount(r.records)) return false;
  if (r.affected !== undefined && !isCount(r.affected)) return false;
  if (
    r.categories !== undefined &&
    (typeof r.categories !== "object" || r.categories === null || !Object.values(r.categories).every(isCount))
  )
    return false;
  if (
    r.details !== undefined &&
    !(Array.isArray(r.details) && r.details.every((d) => d && typeof d.category === "string" && isCount(d.rows)))
  )
    return false;
  if (r.applied !== undefined && !(Array.isArray(r.applied) && r.applied.every((a) => a && typeof a.field === "string" && isCount(a.rows))))
    return false;
  if (r.unmapped !== undefined && !(Array.isArray(r.unmapped) && r.unmapped.every((u) => typeof u === "string"))) return false;
  if (r.files !== undefined && !Array.isArray(r.files)) return false;
  return true;
}

/** "6 order items", "1 row of contacts": category names are plural nouns. */
function strategyText(detail: EraseDetail, t: ReceiptT): string {
  const rows = t("rows", { rows: detail.rows, category: words(detail.category) });
  if (detail.strategy === "delete") return t("deleted", { rows });
  if (detail.strategy === "mask") {
    const columns = detail.columns ? Object.entries(detail.columns).map(([column, how]) => `${column} (${words(how)})`) : [];
    return columns.length ? t("maskedColumns", { rows, columns: columns.join(", ") }) : t("masked", { rows });
  }
  if (detail.strategy === "retain") return detail.reason ? t("keptBecause", { rows, reason: detail.reason }) : t("kept", { rows });
  return t("other", { rows, strategy: words(detail.strategy) });
}

/** The record as stored, folded: its summary is a keyboard-operable control, and it never scrolls in a box. */
export function RawRecord({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="raw-record">
      <summary>{label}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function ReceiptView({ receipt }: { receipt: unknown }) {
  const t = useTranslations("staffRequest.receipt");
  if (typeof receipt !== "object" || receipt === null || Array.isArray(receipt) || !isKnown(receipt)) {
    return <RawRecord label={t("data")} value={receipt} />;
  }
  const r = receipt;
  const lines: string[] = [];
  if (r.records !== undefined) lines.push(t(r.via === "callback" ? "foundByCallback" : "found", { records: r.records }));
  if (r.categories)
    for (const [category, count] of Object.entries(r.categories)) lines.push(t("category", { category: words(category), count }));
  if (r.files?.length) lines.push(t("files", { count: r.files.length }));
  if (r.affected !== undefined) lines.push(t("affected", { count: r.affected }));
  for (const detail of r.details ?? []) lines.push(strategyText(detail, t));
  for (const applied of r.applied ?? [])
    lines.push(t("applied", { field: applied.field, place: `${applied.category}.${applied.column}`, rows: applied.rows }));
  if (r.unmapped?.length) lines.push(t("unmapped", { fields: r.unmapped.join(", ") }));
  return (
    <>
      {lines.length > 0 ? (
        <ul className="task-receipt-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <RawRecord label={t("raw")} value={receipt} />
    </>
  );
}
