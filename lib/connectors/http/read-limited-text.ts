// An answer's body as text, read to at most `maxBytes` (declared or received): beyond that the
// socket is closed and `tooLarge()` is thrown, so a system answering without end cannot fill the
// memory. The AbortSignal stops the reading too. Shared by the http and rest connectors.
import type { IncomingMessage } from "node:http";

export async function readLimitedText(
  response: IncomingMessage,
  signal: AbortSignal,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  if (Number(response.headers["content-length"] ?? 0) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => response.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  signal.addEventListener("abort", stop, { once: true });
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        response.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  } finally {
    signal.removeEventListener("abort", stop);
  }
  return Buffer.concat(chunks).toString("utf8");
}
