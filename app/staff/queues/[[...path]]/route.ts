// The queues dashboard (bull-board) at /staff/queues: its page, static files and JSON API, all
// behind queues.manage: an API key, or the session cookie with changes (retry, clean, pause) only
// from the dashboard's own page (lib/auth/require-staff-from-page.ts). The page's scripts get this
// request's CSP nonce.
import { requireStaffFromPage } from "@/lib/auth/require-staff-from-page.ts";
import { AppError } from "@/lib/errors.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import { queuesBoard } from "../_board/board.ts";

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
    throw error;
  }
  // proxy.ts puts the nonce of this response's Content-Security-Policy on the request.
  return (await queuesBoard()).handle(request, request.headers.get("x-nonce"));
}

const handle = apiRoute(handleQueuesRequest);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
