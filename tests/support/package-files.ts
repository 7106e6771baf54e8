// The files of the package a person downloads: the link from the "your data is ready" email,
// opened the way the download page does, and the ZIP read back into memory.
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { openDownload } from "../../lib/fulfilment/open-download.ts";
import { waitForEmail } from "./mailbox.ts";

export async function unzipStream(stream: Readable): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.concat(chunks), { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const files = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, read) => {
        if (error) return reject(error);
        const parts: Buffer[] = [];
        for await (const part of read) parts.push(part as Buffer);
        files.set(entry.fileName, Buffer.concat(parts).toString("utf8"));
        zip.readEntry();
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

/** Waits for the request's download email, then downloads and unzips the package once. */
export async function downloadPackage(catcherUrl: string, email: string, reference: string): Promise<Map<string, string>> {
  // The link itself, not the subject: that one is in the person's language.
  const ready = await waitForEmail(catcherUrl, email, (m) => m.text.includes(reference) && /\/download\//.test(m.text), 30_000);
  const link = ready.text.match(/https?:\/\/\S+\/(?:en|fr)\/download\/([A-Za-z0-9_-]+)/);
  if (!link) throw new Error(`no download link in the email for ${reference}`);
  const { stream } = await openDownload(link[1], "127.0.0.1");
  return unzipStream(stream);
}
