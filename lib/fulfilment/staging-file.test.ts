// A connector task's access results on their way to the package: the records come back as written,
// with the formats their source declared for its fields.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEnv } from "../../tests/support/test-env.ts";
import type { AccessRecord } from "../connectors/connector.ts";
import { readStagingFile, writeStagingFile } from "./staging-file.ts";

Object.assign(process.env, testEnv({ DATABASE_URL: "postgresql://127.0.0.1/x", SMTP_URL: "smtp://127.0.0.1:1025" }));

async function* recordsOf(records: AccessRecord[]) {
  yield* records;
}

describe("staging files", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "staging-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("give back every record, and the formats its source declared once per category", async () => {
    const paymentFormats = { amount: "exact-number", paid_at: "date-time" } as const;
    const written = await writeStagingFile(
      join(dir, "task.jsonl.enc"),
      recordsOf([
        { source: "", category: "payment", fields: { amount: "2.99", paid_at: "2026-01-05T10:00:00.123456Z" }, formats: paymentFormats },
        { source: "", category: "payment", fields: { amount: "1.50", paid_at: "2026-01-06T09:00:00Z" }, formats: paymentFormats },
        { source: "", category: "note", fields: { text: "hello" } },
      ]),
    );
    expect(written).toMatchObject({ total: 3, categories: { payment: 2, note: 1 } });
    const read: AccessRecord[] = [];
    for await (const record of readStagingFile(written.path, written.keyWrapped, "shop")) read.push(record);
    expect(read).toEqual([
      { source: "shop", category: "payment", fields: { amount: "2.99", paid_at: "2026-01-05T10:00:00.123456Z" }, formats: paymentFormats },
      { source: "shop", category: "payment", fields: { amount: "1.50", paid_at: "2026-01-06T09:00:00Z" } },
      { source: "shop", category: "note", fields: { text: "hello" } },
    ]);
  });
});
