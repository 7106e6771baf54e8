// POST /api/v1/status/{token}/packages/{reference}: the status page's download button. A POST from the
// portal's own page, like the download page's, so nothing that merely opens a link uses up a download.
import { parseReference } from "@/lib/api/parse-input.ts";
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { openStatusDownload } from "@/lib/fulfilment/open-status-download.ts";
import { packageDownloadResponse } from "@/lib/fulfilment/package-download-response.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ token: string; reference: string }> }) => {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin)
    throw new AppError("FORBIDDEN", "Downloads start from the portal's own status page.");
  const params = await context.params;
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(params.token)) throw new AppError("NOT_FOUND", "This status link is not valid.");
  const reference = parseReference(params.reference);
  const address = clientAddress(request.headers);
  await consumeRateLimit({ name: "download-per-ip", limit: 30, windowSeconds: 3600 }, address);
  return packageDownloadResponse(await openStatusDownload(params.token, reference, address));
});
