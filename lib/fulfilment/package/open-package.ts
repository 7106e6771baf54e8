// Reading a package back: the decrypted ZIP bytes as a stream, for the download route.
import { createReadStream } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createDecryptStream } from "./encrypted-file.ts";

/**
 * The ZIP bytes of the package at `path`. Bytes are released segment by segment, each only after its
 * tag verified; damage further on surfaces as an "error" on the stream (PackageCorruptError), which
 * the route must turn into an aborted response, so the person never keeps a silently wrong file.
 */
export function openPackage(path: string, key: Buffer): Readable {
  // pipeline destroys the decryptor with any error of the file stream too (missing file, I/O error):
  // the caller has one stream to listen to. Errors reach it through that stream, not this callback.
  return pipeline(createReadStream(path), createDecryptStream(key), () => {});
}
