// GET /api/v1/reports/processing?format=json|csv&lang=en|fr&version=N&since=YYYY-MM-DD: the record of
// processing activities (GDPR Art. 30) built from the data map now or at a version, with what changed
// since a date (reports.read). The staff cookie works too, so the page links here.
import { parseInput, queryObject } from "@/lib/api/parse-input.ts";
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { getProcessingRecord } from "@/lib/data-map/get-processing-record.ts";
import { processingRecordCsv } from "@/lib/data-map/processing-record-csv.ts";
import { processingRecordQuerySchema } from "@/lib/data-map/processing-record-query.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";

export const GET = apiRoute(async (request: Request) => {
  await requireStaffRequest(request, "reports.read");
  const query = parseInput(processingRecordQuerySchema, queryObject(new URL(request.url).searchParams));
  const answer = await getProcessingRecord(query);
  const name = `record-of-processing_${answer.version ? `v${answer.version.number}` : "current"}_${query.lang}.${query.format}`;
  const headers = { "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" };
  if (query.format === "json") return jsonResponse(answer, 200, headers);
  return new Response(processingRecordCsv(answer.record), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
});
