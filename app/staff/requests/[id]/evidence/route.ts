// GET /staff/requests/{id}/evidence: the evidence bundle download of the staff pages (session
// cookie or API key), by request id or reference. Each download is recorded in the audit log.
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { buildEvidenceBundle } from "@/lib/evidence/build-evidence-bundle.ts";
import { evidenceRequestLookup } from "@/lib/evidence/evidence-request-lookup.ts";
import { evidenceZipResponse } from "@/lib/evidence/evidence-zip-response.ts";
import { apiRoute } from "@/lib/http/api-response.ts";

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const principal = await requireStaffRequest(request, "evidence.read");
  const lookup = evidenceRequestLookup((await context.params).id);
  const bundle = await buildEvidenceBundle({ request: lookup, actor: actorOf(principal) });
  return evidenceZipResponse(bundle);
});
