// The request register as a stream of CSV or JSON: one page of rows is read only when the client
// has taken the previous one, so a year of millions of requests never sits in memory as a string.
import { CSV_BOM, csvRow } from "../fulfilment/package/csv.ts";
import { loggableError, logger } from "../logger.ts";
import { readRegisterPage } from "./read-register-page.ts";
import { registerColumns, registerRecord } from "./register-columns.ts";
import type { ReportPeriod } from "./report-query.ts";

const PAGE_SIZE = 5000;

export function streamRegister(
  period: ReportPeriod,
  format: "csv" | "json",
  options: { pageSize?: number; generatedAt?: Date } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const keys = registerColumns.map((column) => column.key);
  let cursor: Parameters<typeof readRegisterPage>[1]["after"] = null;
  let first = true;

  const head =
    format === "csv"
      ? CSV_BOM + csvRow(keys)
      : `{"period":${JSON.stringify({ from: period.from, to: period.to, jurisdiction: period.jurisdiction ?? "all" })},` +
        `"generatedAt":${JSON.stringify((options.generatedAt ?? new Date()).toISOString())},` +
        `"columns":${JSON.stringify(registerColumns)},"requests":[`;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        // A stream pulls again only after something was enqueued: read on past pages that hold
        // only requests a time zone puts outside the period.
        for (;;) {
          const page = await readRegisterPage(period, { after: cursor, limit: options.pageSize ?? PAGE_SIZE }).catch((error) => {
            // The headers are gone already: the client sees a cut download, the log says why.
            logger.error({ err: loggableError(error) }, "request register stream failed");
            throw error;
          });
          const parts = page.rows.map((row) => {
            const record = registerRecord(row);
            if (format === "csv") return csvRow(keys.map((key) => record[key]));
            const line = `${first ? "" : ","}\n${JSON.stringify(record)}`;
            first = false;
            return line;
          });
          if (parts.length > 0) controller.enqueue(encoder.encode(parts.join("")));
          cursor = page.next;
          if (!cursor) {
            if (format === "json") controller.enqueue(encoder.encode("\n]}\n"));
            controller.close();
            return;
          }
          if (parts.length > 0) return;
        }
      },
    },
    // One page in flight at a time: the next query waits for the client to read.
    { highWaterMark: 1 },
  );
}
