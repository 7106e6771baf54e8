// `npm run evidence:verify -- FILE.zip [--key PUBLIC_KEY]`: checks an evidence bundle offline.
// Needs no database and no configuration (nothing here imports lib/env.ts or lib/db.ts), so an
// auditor can run it on any machine with the project. Exit code 0 valid and signed with the key given,
// 1 invalid, 2 usage error, 3 intact but authenticity not checked (no --key): a script that tests for 0
// never accepts a bundle re-signed with someone else's key.

import type { KeyObject } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { EvidenceKeyError, parsePublicKey } from "../lib/evidence/evidence-key-format.ts";
import { NotAZipError, readZipEntries } from "../lib/evidence/read-zip-entries.ts";
import { type VerificationReport, verifyEvidenceBundle } from "../lib/evidence/verify-evidence-bundle.ts";

const usage = `Usage: npm run evidence:verify -- FILE.zip [--key PUBLIC_KEY]

Checks an evidence bundle downloaded from the portal: the SHA-256 of every file against
manifest.json, the Ed25519 signature of manifest.json (manifest.sig), the request's audit hash
chain, the batch seals of its events (seals.json: each event at its position, the global chain
around it, seals linked), and that timeline.csv agrees with timeline.json. Works offline.

  --key PUBLIC_KEY   The portal's public key: the raw key in base64, or the path of a PEM file
                     or of the JSON served at /.well-known/evidence-key (also printed by
                     npm run admin -- evidence-key). Without it, only integrity is checked,
                     against the key the bundle carries, not who signed it, and the exit
                     code is 3, never 0.

Exit code: 0 valid and signed with the key given, 1 invalid, 2 usage error,
3 intact but authenticity not checked (no --key: anyone could have signed it).`;

/** Exit codes, as documented in the usage text. */
const EXIT = { valid: 0, invalid: 1, usage: 2, authenticityNotChecked: 3 } as const;

class UsageError extends Error {}

async function loadKey(value: string): Promise<KeyObject> {
  let text = value;
  const isFile = await stat(value).then(
    (s) => s.isFile(),
    () => false,
  );
  if (isFile) text = await readFile(value, "utf8");
  try {
    return parsePublicKey(text);
  } catch (error) {
    if (error instanceof EvidenceKeyError) throw new UsageError(`--key${isFile ? ` (${value})` : ""}: ${error.message}`);
    throw error;
  }
}

function printReport(file: string, report: VerificationReport): void {
  const { manifest } = report;
  console.log(`Evidence bundle ${file}`);
  if (manifest) {
    console.log(`  request    ${manifest.reference} (${manifest.requestId}), generated ${manifest.generatedAt}`);
    console.log(`  key id     ${manifest.signature.keyId} (named in the manifest)`);
  }
  const keyText =
    report.keySource === "given"
      ? `checked with the key given (key id ${report.keyId})`
      : report.keySource === "embedded"
        ? `checked with the key inside the bundle only (key id ${report.keyId})`
        : "not checked (no key)";
  console.log(`  signature  ${keyText}`);
  console.log(`  checked    ${report.checked.files} file(s), ${report.checked.events} audit event(s)`);
  for (const warning of report.warnings) console.log(`\nWARNING: ${warning}`);
  if (report.valid) {
    console.log(report.keySource === "given" ? "\nVALID" : "\nINTACT, AUTHENTICITY NOT CHECKED (pass --key)");
    return;
  }
  console.log(`\nINVALID: ${report.problems.length} problem(s)`);
  for (const problem of report.problems) {
    console.log(`  - ${problem.file}${problem.where ? `, ${problem.where}` : ""}: ${problem.message}`);
  }
}

function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options: { key: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  try {
    const [file, ...extra] = parsed.positionals;
    if (!file) throw new UsageError("Give the path of the bundle (FILE.zip).");
    if (extra.length) throw new UsageError(`One bundle at a time; unexpected: ${extra.join(" ")}`);
    const publicKey = parsed.values.key === undefined ? undefined : await loadKey(parsed.values.key);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`Cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code}.`);
    }
    let contents: Awaited<ReturnType<typeof readZipEntries>>;
    try {
      contents = await readZipEntries(data);
    } catch (error) {
      if (error instanceof NotAZipError) throw new UsageError(`${file} is ${error.message}.`);
      throw error;
    }
    const report = verifyEvidenceBundle(contents, { publicKey });
    printReport(file, report);
    if (!report.valid) return EXIT.invalid;
    return report.keySource === "given" ? EXIT.valid : EXIT.authenticityNotChecked;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return EXIT.usage;
    }
    throw error;
  }
}

process.exit(await main(process.argv.slice(2)));
