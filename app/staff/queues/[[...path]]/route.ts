// The queues dashboard (bull-board) at /staff/queues: its page, static files and JSON API, all
// behind queues.manage: an API key, or the session cookie with changes (retry, clean, pause) only
// from the dashboard's own page (lib/auth/require-staff-from-page.ts). The page's scripts get this
// request's CSP nonce.
import { requireStaffFromPage } from "@/lib/auth/require-staff-from-page.ts";
import { AppError } from "@/lib/errors.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { staffLocaleOf } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { queuesBoard } from "../_board/board.ts";
import { escapeHtml } from "../_board/fetch-adapter.ts";

export const dynamic = "force-dynamic";

async function handleQueuesRequest(request: Request): Promise<Response> {
  try {
    await requireStaffFromPage(request, "queues.manage");
  } catch (error) {
    // A person opening the page without a session goes to sign in; the API answers with the JSON error.
    const wantsPage = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
    if (wantsPage && error instanceof AppError && error.code === "UNAUTHORIZED") {
      return new Response(null, { status: 303, headers: { location: "/staff/sign-in", "cache-control": "no-store" } });
    }
    // A signed-in member whose role does not open the dashboard gets a page, as other pages answer.
    if (wantsPage && error instanceof AppError && error.code === "FORBIDDEN")
      return notAllowedPage(request.headers.get("x-nonce"), await staffLocaleOf(request));
    throw error;
  }
  // proxy.ts puts the nonce of this response's Content-Security-Policy on the request.
  return (await queuesBoard(await staffLocaleOf(request))).handle(request, request.headers.get("x-nonce"));
}

const handle = apiRoute(handleQueuesRequest);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;

/** The staff "Not allowed" page, in the member's language, for the one staff address that is a route handler rather than a page. */
function notAllowedPage(nonce: string | null, locale: Locale): Response {
  const t = translator(locale);
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t("staffShell.titleTemplate", { page: t("staffQueues.notAllowed.title") }))}</title>
<style${nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : ""}>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;margin:0}main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem}a{color:#0b57d0}</style>
</head><body><main>
<h1>${escapeHtml(t("staffQueues.notAllowed.title"))}</h1>
<p>${escapeHtml(t("staffQueues.notAllowed.body"))}</p>
<p><a href="/staff/requests">${escapeHtml(t("staffPages.backToRequests"))}</a></p>
</main></body></html>`;
  return new Response(html, { status: 403, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
