// GET /api/v1/reports/register?from=&to=&jurisdiction=&format=json|csv: the request register of a
// period (reports.read), streamed page by page.
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import { reportFileName } from "@/lib/reports/report-definitions.ts";
import { parseReportQuery, registerQueryFields } from "@/lib/reports/report-query.ts";
import { streamRegister } from "@/lib/reports/stream-register.ts";

const contentTypes = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

export const GET = apiRoute(async (request: Request) => {
  await requireStaffRequest(request, "reports.read");
  const query = parseReportQuery(new URL(request.url).searchParams, registerQueryFields);
  return new Response(streamRegister(query, query.format), {
    headers: {
      "content-type": contentTypes[query.format],
      "content-disposition": `attachment; filename="${reportFileName("request-register", query, query.format)}"`,
      "cache-control": "no-store",
    },
  });
});
