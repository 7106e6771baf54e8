// GET /staff/requests/{id}/agent-permission: the permission an authorized agent uploaded with the
// request (session cookie or API key, `requests.read`), decrypted as it streams. Each opening is
// audited. Sent as an attachment with its sniffed type, never rendered by the portal's origin.
import { Readable } from "node:stream";
import { openAgentPermission } from "@/lib/agents/open-agent-permission.ts";
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { evidenceRequestLookup } from "@/lib/evidence/evidence-request-lookup.ts";
import { apiRoute } from "@/lib/http/api-response.ts";

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const principal = await requireStaffRequest(request, "requests.read");
  const lookup = evidenceRequestLookup((await context.params).id);
  const file = await openAgentPermission({ request: lookup, actor: actorOf(principal) });
  return new Response(Readable.toWeb(file.content) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": file.type,
      "content-length": String(file.bytes),
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
