import { describe, expect, it } from "vitest";
import { sniffPermissionType } from "./sniff-permission-type.ts";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n", "latin1");
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR")]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe("sniffPermissionType", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(sniffPermissionType(pdf)).toBe("application/pdf");
    expect(sniffPermissionType(png)).toBe("image/png");
    expect(sniffPermissionType(jpeg)).toBe("image/jpeg");
  });

  it("finds a PDF header after a little junk, as PDF readers do, but not after 1 KiB", () => {
    expect(sniffPermissionType(Buffer.concat([Buffer.from("\r\n\r\n"), pdf]))).toBe("application/pdf");
    expect(sniffPermissionType(Buffer.concat([Buffer.alloc(1024, 0x20), pdf]))).toBeNull();
  });

  it("refuses other files whatever they are called: HTML, SVG, a ZIP, a GIF, text", () => {
    for (const content of [
      "<!doctype html><script>alert(1)</script>",
      '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
      "PK\u0003\u0004 a zip",
      "GIF89a....",
      "I authorise my agent.",
    ]) {
      expect(sniffPermissionType(Buffer.from(content, "latin1")), content).toBeNull();
    }
  });

  it("refuses an empty file and a bare signature with nothing after it", () => {
    expect(sniffPermissionType(Buffer.alloc(0))).toBeNull();
    expect(sniffPermissionType(Buffer.from("%PDF-", "latin1"))).toBeNull();
    expect(sniffPermissionType(jpeg.subarray(0, 3))).toBeNull();
  });

  it("reads a view into a larger buffer from its own offset", () => {
    const larger = Buffer.concat([Buffer.from("xxxx"), png]);
    expect(sniffPermissionType(new Uint8Array(larger.buffer, larger.byteOffset + 4, png.length))).toBe("image/png");
  });
});
