// What a signed permission file really is, from its first bytes: the name and the Content-Type the
// browser sends are the uploader's choice, so neither is trusted. Only the three formats staff can
// open safely are accepted.

export const PERMISSION_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type PermissionType = (typeof PERMISSION_TYPES)[number];

/** 10 MiB: a phone photo or a scanned page, with room to spare. */
export const MAX_PERMISSION_BYTES = 10 * 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PDF = Buffer.from("%PDF-", "latin1");

/** The file's type by its signature (PNG and JPEG at offset 0; PDF's header may follow up to 1 KiB of junk, as readers allow), else null. */
export function sniffPermissionType(content: Uint8Array): PermissionType | null {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (bytes.subarray(0, PNG.length).equals(PNG) && bytes.length > PNG.length) return "image/png";
  if (bytes.subarray(0, JPEG.length).equals(JPEG) && bytes.length > JPEG.length) return "image/jpeg";
  const pdfAt = bytes.subarray(0, 1024).indexOf(PDF);
  if (pdfAt !== -1 && bytes.length > pdfAt + PDF.length) return "application/pdf";
  return null;
}
