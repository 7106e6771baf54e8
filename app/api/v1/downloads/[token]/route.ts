// POST /api/v1/downloads/{token}: the download page's button. A POST, so that mail scanners
// opening the emailed link do not use up the person's downloads.
import { env } from "@/lib/env.ts";
import { AppError } from "@/lib/errors.ts";
import { openDownload } from "@/lib/fulfilment/open-download.ts";
import { packageDownloadResponse } from "@/lib/fulfilment/package-download-response.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";

export const POST = apiRoute(async (request: Request, context: { params: Promise<{ token: string }> }) => {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin)
    throw new AppError("FORBIDDEN", "Downloads start from the portal's own download page.");
  const { token } = await context.params;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("NOT_FOUND", "This download link is not valid.");
  const address = clientAddress(request.headers);
  await consumeRateLimit({ name: "download-per-ip", limit: 30, windowSeconds: 3600 }, address);
  return packageDownloadResponse(await openDownload(token, address));
});
