// The permission an agent uploaded, written encrypted like every stored upload: a key of its own
// (wrapped by the master key), 64 KiB authenticated segments. One file per request, so the purge of
// one request never removes a file another request still names.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { sha256Hex } from "../crypto.ts";
import { AppError } from "../errors.ts";
import { storagePath, writeUploadedFile } from "../fulfilment/staging-file.ts";
import { MAX_PERMISSION_BYTES, type PermissionType, sniffPermissionType } from "./sniff-permission-type.ts";

export type StoredAgentPermission = {
  path: string;
  keyWrapped: string;
  type: PermissionType;
  bytes: number;
  sha256: string;
};

/** Writes `copies` encrypted copies of the file (one per request filed); checks its size and type first. */
export async function storeAgentPermission(content: Buffer, copies: number): Promise<StoredAgentPermission[]> {
  if (content.length === 0) throw new AppError("BAD_REQUEST", "The signed permission file is empty.");
  if (content.length > MAX_PERMISSION_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The signed permission must be at most 10 MB.");
  const type = sniffPermissionType(content);
  if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The signed permission must be a PDF, PNG or JPEG file.");
  const sha256 = sha256Hex(content);
  const stored: StoredAgentPermission[] = [];
  try {
    for (let i = 0; i < copies; i++) {
      const written = await writeUploadedFile(storagePath("agent-permissions", `${randomUUID()}.enc`), content);
      stored.push({ ...written, type, bytes: content.length, sha256 });
    }
  } catch (error) {
    await removeAgentPermissions(stored.map((file) => file.path));
    throw error;
  }
  return stored;
}

/** Removes stored permission files (a submission that did not commit, a purge); missing ones are fine. */
export async function removeAgentPermissions(paths: string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
}
