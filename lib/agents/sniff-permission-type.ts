// What a signed permission file really is, from its first bytes: the name and the Content-Type the
// browser sends are the uploader's choice, so neither is trusted. Only the three formats staff can
// open safely are accepted.

export const PERMISSION_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type PermissionType = (typeof PERMISSION_TYPES)[number];

/** 10 MiB: a phone photo or a scanned page, with room to spare. */
export const MAX_PERMISSION_BYTES = 10 * 1024 * 1024;

// Plain byte arrays (no Buffer), so the browser runs the same check before sending.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsAt(bytes: Uint8Array, signature: number[], offset: number): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The file's type by its signature (PNG and JPEG at offset 0; PDF's header may follow up to 1 KiB of junk, as readers allow), else null. */
export function sniffPermissionType(bytes: Uint8Array): PermissionType | null {
  if (bytes.length > PNG.length && startsAt(bytes, PNG, 0)) return "image/png";
  if (bytes.length > JPEG.length && startsAt(bytes, JPEG, 0)) return "image/jpeg";
  for (let at = 0; at + PDF.length <= Math.min(bytes.length, 1024); at++) {
    if (startsAt(bytes, PDF, at)) return bytes.length > at + PDF.length ? "application/pdf" : null;
  }
  return null;
}
