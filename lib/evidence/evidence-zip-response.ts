// The HTTP answer that carries an evidence bundle: a ZIP download, streamed as it is built, never cached.
import { Readable } from "node:stream";
import type { EvidenceBundle } from "./build-evidence-bundle.ts";

export function evidenceZipResponse(bundle: EvidenceBundle): Response {
  return new Response(Readable.toWeb(bundle.stream) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      // The file name is built from the reference (like DSR-7K3M-Q9PX): nothing to quote or encode.
      "content-disposition": `attachment; filename="${bundle.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-evidence-download-event": bundle.downloadEventId,
    },
  });
}
