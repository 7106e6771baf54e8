// Reads a JSON body with a hard size limit, counted while reading (a lying Content-Length or a
// chunked body cannot get past it).
import { AppError } from "../errors.ts";

export const MAX_JSON_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(.+\+)?json\b/i;

function requireJsonType(request: Request) {
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
}

/** The body's bytes as text, refused with 413 as soon as they pass `maxBytes` (never buffered whole first). */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${sizeName(maxBytes)}.`);
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
        throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${sizeName(maxBytes)}.`);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sizeName(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<{ value: unknown; raw: string }> {
  requireJsonType(request);
  const raw = await readLimitedText(request, maxBytes);
  if (!raw.trim()) throw new AppError("BAD_REQUEST", "The body is empty: send a JSON object.");
  return { value: parseJson(raw), raw };
}

/**
 * For actions that need no fields (approve): no body at all, whatever the headers say, is `{}`
 * (`curl -X POST` sends neither a body nor a Content-Type); a body, when sent, must still be JSON.
 */
export async function readOptionalJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<{ value: unknown; raw: string }> {
  const raw = await readLimitedText(request, maxBytes);
  if (raw.length === 0) return { value: {}, raw: "" };
  requireJsonType(request);
  if (!raw.trim()) throw new AppError("BAD_REQUEST", "The body is empty: send a JSON object.");
  return { value: parseJson(raw), raw };
}
