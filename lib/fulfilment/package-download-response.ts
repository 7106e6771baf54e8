// The HTTP answer that streams a person's package, the same from the download page and the status page.
import { Readable } from "node:stream";

export function packageDownloadResponse({ stream, filename }: { stream: Readable; filename: string }): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
