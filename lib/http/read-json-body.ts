// Reads a JSON body with a hard size limit, counted while reading (a lying Content-Length or a
// chunked body cannot get past it).
import { AppError } from "../errors.ts";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<{ value: unknown; raw: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes / 1024} KB.`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxBytes / 1024} KB.`);
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw.trim()) throw new AppError("BAD_REQUEST", "The body is empty: send a JSON object.");
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}
