import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEventHash } from "./audit-hash.ts";
import { bundleFiles, hashedFieldsOf } from "./evidence-bundle-format.ts";
import {
  eventsOf,
  flipByte,
  manifestOf,
  newSigningKey,
  reseal,
  resign,
  rewriteSeals,
  rewriteTimeline,
  sealsOfBundle,
  syntheticBundle,
  zipOf,
} from "./evidence-tampering.test-support.ts";
import { NotAZipError, readZipEntries } from "./read-zip-entries.ts";
import { verifyEvidenceBundle } from "./verify-evidence-bundle.ts";

const portalKey = newSigningKey();
const forgerKey = newSigningKey();
let original: Map<string, Buffer>;

beforeAll(async () => {
  const { zip } = await syntheticBundle(portalKey, 8);
  original = (await readZipEntries(zip)).entries;
});

const check = (entries: Map<string, Buffer>, withKey = true) =>
  verifyEvidenceBundle({ entries, duplicates: [] }, withKey ? { publicKey: portalKey.publicKey } : {});
const lines = (report: ReturnType<typeof check>) => report.problems.map((p) => `${p.file}${p.where ? `, ${p.where}` : ""}: ${p.message}`);

describe("verifying an evidence bundle", () => {
  it("accepts an untouched bundle, tombstone events included, against the portal's key", () => {
    const report = check(original);
    expect(lines(report)).toEqual([]);
    expect(report).toMatchObject({ valid: true, keySource: "given", keyId: portalKey.keyId, checked: { files: 8, events: 8 } });
    expect(eventsOf(original).map((e) => e.action)).toContain("request.personal-data-purged");
    expect(report.warnings).toEqual([]);
  });

  it("without a key, checks against the key the bundle carries and warns that authenticity is not shown", () => {
    const report = check(original, false);
    expect(report.valid).toBe(true);
    expect(report.keySource).toBe("embedded");
    expect(report.warnings.join(" ")).toMatch(/not who signed them: pass --key/);
  });

  it("names the file when one byte of it changed", () => {
    const report = check(flipByte(original, bundleFiles.deadline));
    expect(report.valid).toBe(false);
    expect(lines(report)).toEqual([expect.stringMatching(/^deadline\.json: does not match the manifest: SHA-256 .* changed or replaced/)]);
  });

  it("catches a file swapped for another's content", () => {
    const swapped = new Map(original);
    swapped.set(bundleFiles.deadline, original.get(bundleFiles.connectors) as Buffer);
    expect(lines(check(swapped))).toEqual([
      expect.stringMatching(/^deadline\.json: does not match the manifest: SHA-256 .* \(68 bytes\), expected .* \(50 bytes\)/),
    ]);
  });

  it("catches an edited manifest through its signature", () => {
    const manifest = manifestOf(original);
    const edited = new Map(original);
    edited.set(bundleFiles.manifest, Buffer.from(JSON.stringify({ ...manifest, generatedAt: "2026-01-01T00:00:00.000Z" }, null, 2)));
    expect(lines(check(edited))).toEqual([
      expect.stringMatching(/^manifest\.sig: does not verify manifest\.json with the given key .*changed after signing/),
    ]);
  });

  it("catches a replaced signature, and says which key the manifest names", () => {
    const replaced = resign(original, forgerKey);
    expect(lines(check(replaced))).toEqual([
      `manifest.sig: does not verify with the key given (key id ${portalKey.keyId}); the manifest says it was signed with key id ${forgerKey.keyId}.`,
    ]);
    const random = new Map(original);
    random.set(bundleFiles.signature, randomBytes(64));
    expect(lines(check(random, false))).toEqual([
      expect.stringMatching(/^manifest\.sig: does not verify manifest\.json with the embedded key/),
    ]);
  });

  it("catches an event deleted from the timeline when the manifest was not updated", () => {
    const events = eventsOf(original);
    const problems = lines(
      check(
        rewriteTimeline(
          original,
          events.filter((e) => e.index !== 4),
        ),
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^timeline\.json: does not match the manifest/));
    expect(problems).toContainEqual(expect.stringMatching(/^timeline\.csv: does not match the manifest/));
    expect(problems).toContainEqual(
      `timeline.json, event #4 (id ${events[5].id}): requestPrevHash ${events[4].hash.slice(0, 12)}… is not the hash of event #3 (id ${events[3].id}) (${events[3].hash.slice(0, 12)}…): an event was removed, inserted or moved here.`,
    );
    expect(problems).toContainEqual(expect.stringMatching(/^timeline\.json: holds 7 events; the manifest says 8/));
  });

  it("catches a deleted event by the chain alone when a forger re-hashed and re-signed everything", () => {
    const events = eventsOf(original);
    const forged = rewriteTimeline(
      original,
      events.filter((e) => e.index !== 4),
      forgerKey,
    );
    // Without --key, only the chain can tell.
    expect(lines(check(forged, false))).toEqual([
      expect.stringMatching(new RegExp(`^timeline\\.json, event #4 \\(id ${events[5].id}\\): requestPrevHash .* an event was removed`)),
    ]);
    // With the portal's key, the signature tells too.
    expect(lines(check(forged))).toContainEqual(expect.stringMatching(/^manifest\.sig: does not verify with the key given/));
  });

  it("catches the first events cut off, and the last ones", () => {
    const events = eventsOf(original);
    expect(lines(check(rewriteTimeline(original, events.slice(2), forgerKey), false))).toEqual([
      `timeline.json, event #0 (id ${events[2].id}): is the first event but its requestPrevHash is not the genesis value: earlier events of the request are missing.`,
      // The seal of the first event now holds none of the timeline's.
      "seals.json, seal 1: holds none of the timeline's events.",
    ]);
    const cutEnd = rewriteTimeline(original, events.slice(0, -1), forgerKey);
    expect(lines(check(cutEnd, false))).toEqual([
      expect.stringMatching(/^timeline\.json: does not contain this bundle's own evidence\.downloaded event/),
      expect.stringMatching(/^seals\.json, seal \d+: holds none of the timeline's events\.$/),
    ]);
  });

  it("catches two events swapped", () => {
    const events = eventsOf(original);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    const problems = lines(check(rewriteTimeline(original, swapped, forgerKey), false));
    expect(problems).toContainEqual(
      `timeline.json, event #3 (id ${events[2].id}): comes after event #2 (id ${events[3].id}) but has an earlier chain position (seq ${events[2].seq}, not after ${events[3].seq}): events were reordered.`,
    );
    expect(problems.filter((p) => p.includes("an event was removed, inserted or moved here"))).toHaveLength(3);
  });

  it("follows chain positions, not ids: an event that committed late holds a smaller id and is valid", () => {
    const events = eventsOf(original);
    expect(BigInt(events[5].id)).toBeLessThan(BigInt(events[4].id));
    expect(lines(check(original))).toEqual([]);
  });

  it("catches two events swapped with their positions too, by their seals", () => {
    const events = eventsOf(original);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [
      { ...events[3], seq: events[2].seq },
      { ...events[2], seq: events[3].seq },
    ];
    const problems = lines(check(rewriteTimeline(original, swapped, forgerKey), false));
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^seals\\.json, event #2 \\(id ${events[3].id}\\): has hash .* but seal \\d+ sealed .* at position ${events[2].seq}: the event was changed, replaced or moved after sealing\\.$`,
        ),
      ),
    );
  });

  it("catches an edited event, and one re-hashed after editing breaks the next link", () => {
    const events = eventsOf(original);
    const edited = events.map((e) => (e.index === 5 ? { ...e, data: { index: 5, note: "changed" } } : e));
    expect(lines(check(rewriteTimeline(original, edited, forgerKey), false))).toEqual([
      expect.stringMatching(
        new RegExp(`^timeline\\.json, event #5 \\(id ${events[5].id}\\): hash .* does not match its fields .*: the event was edited\\.$`),
      ),
    ]);
  });

  it("catches a timeline.csv that does not agree with timeline.json, naming the column", () => {
    const csv = (original.get(bundleFiles.timelineCsv) as Buffer).toString("utf8").replace("step.2", "step.9");
    const changed = new Map(original);
    changed.set(bundleFiles.timelineCsv, Buffer.from(csv));
    const events = eventsOf(original);
    expect(lines(check(resign(changed, forgerKey), false))).toEqual([
      `timeline.csv, line 4, event #2 (id ${events[2].id}): does not agree with timeline.json (column action).`,
    ]);
  });

  it("catches files added after signing, missing files and duplicate entries", () => {
    const added = new Map(original);
    added.set("emails/999-extra.txt", Buffer.from("added"));
    expect(lines(check(added))).toEqual(["emails/999-extra.txt: is in the archive but not in the manifest: it was added after signing."]);
    const missing = new Map(original);
    missing.delete("emails/001-verify-request.txt");
    expect(lines(check(missing))).toEqual(["emails/001-verify-request.txt: is listed in the manifest but missing from the archive."]);
    const report = verifyEvidenceBundle({ entries: original, duplicates: [bundleFiles.timelineJson] }, { publicKey: portalKey.publicKey });
    expect(report.problems[0]).toMatchObject({ file: "timeline.json", message: expect.stringMatching(/more than once/) });
  });

  it("says when manifest.json or manifest.sig is missing", () => {
    const noManifest = new Map(original);
    noManifest.delete(bundleFiles.manifest);
    expect(lines(check(noManifest))).toContainEqual(expect.stringMatching(/^manifest\.json: is missing: this is not an evidence bundle/));
    const noSignature = new Map(original);
    noSignature.delete(bundleFiles.signature);
    expect(lines(check(noSignature))).toEqual(["manifest.sig: is missing: the manifest is not signed."]);
  });
});

describe("verifying the seals of a bundle", () => {
  it("catches an event re-hashed after editing, with the request's chain rewritten after it, by its seal", () => {
    const events = eventsOf(original);
    const edited = [...events];
    let requestHead = events[4].hash;
    for (let i = 5; i < events.length; i++) {
      const fields = { ...events[i], ...(i === 5 ? { data: { index: 5, note: "changed" } } : {}), requestPrevHash: requestHead };
      const hash = auditEventHash(hashedFieldsOf(fields));
      edited[i] = { ...fields, hash };
      requestHead = hash;
    }
    const problems = lines(check(rewriteTimeline(original, edited, forgerKey), false));
    // The request's chain and every event hash agree again: only the seals still hold the sealed hashes.
    expect(problems.filter((p) => p.startsWith("timeline.json"))).toEqual([]);
    expect(problems).toContainEqual(
      expect.stringMatching(/^seals\.json, event #5 \(id 99\): has hash .* the event was changed, replaced or moved after sealing\.$/),
    );
    expect(problems).toHaveLength(3);
  });

  it("catches an event removed from a sealed batch, and two events of a batch reordered", () => {
    const seals = sealsOfBundle(original);
    const removed = seals.map((seal, i) => (i === 1 ? { ...seal, eventHashes: seal.eventHashes.slice(1) } : seal));
    expect(lines(check(rewriteSeals(original, removed, forgerKey), false))).toContainEqual(
      `seals.json, seal ${seals[1].id}: lists event hashes that are not the ones it sealed (positions ${seals[1].firstSeq}–${seals[1].lastSeq}): an event of the batch was changed, removed, added or moved.`,
    );
    const [a, b, ...rest] = seals[1].eventHashes;
    const reordered = seals.map((seal, i) => (i === 1 ? { ...seal, eventHashes: [b, a, ...rest] } : seal));
    expect(lines(check(rewriteSeals(original, reordered, forgerKey), false))).toContainEqual(
      expect.stringMatching(new RegExp(`^seals\\.json, seal ${seals[1].id}: lists event hashes that are not the ones it sealed`)),
    );
  });

  it("catches a forged seal: edited, or re-hashed so that the next seal no longer links to it", () => {
    const seals = sealsOfBundle(original);
    const edited = seals.map((seal, i) => (i === 1 ? { ...seal, sealedAt: "2026-03-02T00:00:00.000Z" } : seal));
    expect(lines(check(rewriteSeals(original, edited, forgerKey), false))).toEqual([
      expect.stringMatching(
        new RegExp(`^seals\\.json, seal ${seals[1].id}: hash .* does not match its fields: the seal was forged or edited\\.$`),
      ),
    ]);
    // A forger re-hashes a seal over other event hashes (hiding an edited event): the next seal does not link.
    const forgedHashes = [...seals[1].eventHashes];
    forgedHashes[0] = "e".repeat(64);
    const forged = seals.map((seal, i) => (i === 1 ? reseal(seal, { eventHashes: forgedHashes }) : seal));
    const problems = lines(check(rewriteSeals(original, forged, forgerKey), false));
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^seals\\.json, seal ${seals[2].id}: prevSealHash .* is not the hash of seal ${seals[1].id}: a seal was forged or replaced\\.$`,
        ),
      ),
    );
    // And with the signature checked against the portal's key, any change to seals.json shows.
    expect(lines(check(rewriteSeals(original, forged)))).toContainEqual(expect.stringMatching(/^seals\.json: does not match the manifest/));
  });

  it("catches a bundle whose seals.json is missing, and an event that no seal covers", () => {
    const missing = new Map(original);
    missing.delete(bundleFiles.seals);
    expect(lines(check(missing))).toEqual(["seals.json: is listed in the manifest but missing from the archive."]);
    const seals = sealsOfBundle(original);
    const events = eventsOf(original);
    const lastSeal = seals.findIndex((seal) => BigInt(seal.lastSeq) >= BigInt(events.at(-1)?.seq ?? 0));
    expect(lines(check(rewriteSeals(original, seals.slice(0, lastSeal), forgerKey), false))).toContainEqual(
      `seals.json, event #7 (id ${events[7].id}): is at chain position ${events[7].seq}, which no seal in seals.json covers: the event is not sealed.`,
    );
  });
});

describe("verifying a bundle made before events were sealed in batches (format @1)", () => {
  let legacy: Map<string, Buffer>;
  beforeAll(async () => {
    legacy = (await readZipEntries((await syntheticBundle(portalKey, 8, { legacy: true })).zip)).entries;
  });

  it("accepts it untouched, without seals, in id order", () => {
    expect(legacy.has(bundleFiles.seals)).toBe(false);
    expect(lines(check(legacy))).toEqual([]);
  });

  it("still catches reordered and deleted events", () => {
    const events = eventsOf(legacy);
    const swapped = [...events];
    [swapped[2], swapped[3]] = [swapped[3], swapped[2]];
    expect(lines(check(rewriteTimeline(legacy, swapped, forgerKey), false))).toContainEqual(
      `timeline.json, event #3 (id ${events[2].id}): comes after event #2 (id ${events[3].id}) but has a lower id: events were reordered.`,
    );
    expect(
      lines(
        check(
          rewriteTimeline(
            legacy,
            events.filter((e) => e.index !== 4),
            forgerKey,
          ),
          false,
        ),
      ),
    ).toEqual([expect.stringMatching(/^timeline\.json, event #4 .*an event was removed, inserted or moved here\.$/)]);
  });
});

describe("reading a bundle's ZIP", () => {
  it("reads back every entry and reports names that appear twice", async () => {
    const zip = await zipOf(new Map([...original, [bundleFiles.summary, Buffer.from("second copy")]]));
    // A Map cannot hold a name twice: add the duplicate by hand to a second archive.
    const { ZipFile } = await import("yazl");
    const twice = new ZipFile();
    twice.addBuffer(Buffer.from("one"), "a.txt");
    twice.addBuffer(Buffer.from("two"), "a.txt");
    twice.end();
    const { bufferOf } = await import("./evidence-tampering.test-support.ts");
    const read = await readZipEntries(await bufferOf(twice.outputStream as never));
    expect(read.duplicates).toEqual(["a.txt"]);
    expect(read.entries.get("a.txt")?.toString()).toBe("one");
    expect((await readZipEntries(zip)).entries.size).toBe(original.size);
  });

  it("refuses what is not a ZIP with a clear error", async () => {
    await expect(readZipEntries(Buffer.from("just some text, not an archive"))).rejects.toThrow(NotAZipError);
    await expect(readZipEntries(Buffer.from("just some text"))).rejects.toThrow(/not a ZIP archive/);
  });
});
