// Helpers for the package tests and the benchmark: open a package back into its entries, and
// generate large, realistic record streams without holding them in memory.

import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import type { AccessRecord } from "../../connectors/connector.ts";
import { openPackage } from "./open-package.ts";

export type PackageEntry = { path: string; content: Buffer; text: string };

/** Decrypts the package to a temp file and reads every entry (small packages only: all in memory). */
export async function readPackageEntries(path: string, key: Buffer): Promise<PackageEntry[]> {
  const dir = await mkdtemp(join(tmpdir(), "package-entries-"));
  try {
    const zipPath = join(dir, "package.zip");
    await pipeline(openPackage(path, key), createWriteStream(zipPath));
    return await readZipEntries(zipPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function readZipEntries(zipPath: string): Promise<PackageEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError) return reject(openError);
      const entries: PackageEntry[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            const content = Buffer.concat(chunks);
            entries.push({ path: entry.fileName, content, text: content.toString("utf8") });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** RFC 4180 reader (CRLF rows, quoted cells), only to check what a spreadsheet program would see. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== "," && char !== "\r")) {
      cell += char;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

/** An async iterable over a fixed list, the way a connector yields records. */
export async function* recordsOf(records: AccessRecord[]): AsyncIterable<AccessRecord> {
  for (const record of records) yield record;
}

const WORDS = ["commande", "livraison", "facture", "élève", "naïve", "Zürich", "crème", "garçon", "order", "parcel", "invoice", "refund"];

/**
 * `count` records of about `recordBytes` bytes of JSON each, made one at a time (deterministic, so two
 * runs package the same data), spread over three categories like a real shop database.
 */
export async function* generateRecords(count: number, recordBytes = 500, source = "shop"): AsyncIterable<AccessRecord> {
  let state = 0x2545f491;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const categories = ["orders", "events", "tickets"];
  for (let index = 0; index < count; index += 1) {
    const fields: Record<string, unknown> = {
      id: index,
      email: "elodie.nunez@example.test",
      name: "Élodie Núñez",
      createdAt: new Date(1_700_000_000_000 + index * 60_000).toISOString(),
      amount: Math.round(random() * 100_000) / 100,
      address: { street: "12, rue de la Paix", city: "Paris", zip: "75002" },
    };
    // `,"note":""` is 10 characters; the rest of the budget is words.
    const noteLength = recordBytes - Buffer.byteLength(JSON.stringify(fields)) - 10;
    let note = "";
    while (note.length < noteLength) note += `${WORDS[Math.floor(random() * WORDS.length)]} `;
    fields.note = note.slice(0, Math.max(0, noteLength));
    yield { source, category: categories[index % categories.length], fields };
  }
}

/** Samples RSS every `everyMs` until stopped; returns the highest value seen (bytes). */
export function sampleRss(everyMs = 50): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}
