// Discovery: the portal proposes a source's mapping from the database itself. It reads the catalog
// and a bounded sample (counts of pattern matches only), proposes which table identifies the
// person, how every table reaches it, what each holds and what erasure should do, and renders that
// as a commented connectors-file draft for a person to review. Used by `npm run admin -- discover`
// and the staff page "Propose a mapping".
import { AppError } from "../errors.ts";
import type { Locale } from "../i18n/catalogue.ts";
import { IdentityTableError } from "./choose-identity-table.ts";
import { inspectSource } from "./inspect-source.ts";
import { reviewNotesIn } from "./localise-review-notes.ts";
import { type MappingProposal, NoIdentityTableError, proposeMapping } from "./propose-mapping.ts";
import { renderProposalYaml } from "./render-proposal-yaml.ts";
import type { SourceDialect } from "./source-catalog.ts";

export const DEFAULT_SAMPLE_SIZE = 200;
export const MAX_SAMPLE_SIZE = 1000;

export type DiscoverInput = {
  source: SourceDialect;
  /** The database's address: a secret, used to connect and for nothing else. */
  url: string;
  schema?: string;
  identityTable?: string;
  sampleSize?: number;
  /** Statement time limit (default 10 s) and the time after which sampling stops (default 60 s). */
  statementTimeoutMs?: number;
  timeLimitMs?: number;
  /** The language of the draft's comments and of the review notes (English unless told). */
  locale?: Locale;
};

export type Discovery = {
  proposal: MappingProposal;
  yaml: string;
  /** What a person should look at before using the draft (also at the top of the YAML). */
  reviewNotes: string[];
  key: string;
  urlVariable: string;
  unsampled: string[];
};

export async function discoverMapping(input: DiscoverInput): Promise<Discovery> {
  const sampleSize = input.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE) {
    throw new AppError("BAD_REQUEST", `The sample size must be a whole number from 1 to ${MAX_SAMPLE_SIZE}.`, {
      text: { key: "staffConnectors.errors.sampleSize", values: { max: MAX_SAMPLE_SIZE } },
    });
  }
  const inspection = await inspectSource(input.source, input.url, {
    schema: input.schema || undefined,
    sampleSize,
    statementTimeoutMs: input.statementTimeoutMs ?? 10_000,
    deadline: Date.now() + (input.timeLimitMs ?? 60_000),
  });
  let proposal: MappingProposal;
  try {
    proposal = proposeMapping(inspection.catalog, inspection.sample, { identityTable: input.identityTable || undefined });
  } catch (error) {
    if (error instanceof IdentityTableError) throw new AppError("BAD_REQUEST", `${error.message}.`, { text: error.text });
    if (error instanceof NoIdentityTableError) {
      throw new AppError("BAD_REQUEST", `${error.message}.`, {
        text: { key: "staffConnectors.errors.noIdentityTable", values: { schema: error.schema } },
      });
    }
    throw error;
  }
  if (inspection.unsampled.length > 0) {
    proposal.review.push(
      `Not sampled (time ran out, or this user may not read them), so proposed from their names and types alone: ${inspection.unsampled.map((name) => `"${name}"`).join(", ")}`,
    );
  }
  const key = connectorKey(inspection.sourceName);
  const urlVariable = `${key.toUpperCase().replaceAll("-", "_")}_URL`;
  return {
    proposal,
    yaml: renderProposalYaml(proposal, { key, urlVariable, sampleSize, locale: input.locale }),
    reviewNotes: reviewNotesIn(proposal, input.locale ?? "en"),
    key,
    urlVariable,
    unsampled: inspection.unsampled,
  };
}

/** "Shop_DB" → "shop-db": a key the connectors file accepts. */
export function connectorKey(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return key.length >= 2 ? key : `source-${key || "db"}`;
}
