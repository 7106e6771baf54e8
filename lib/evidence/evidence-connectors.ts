// connectors.json of an evidence bundle: what each connector task did (source, action, status,
// attempts, timings, receipt) and the fingerprints of the package the person was given. Never the
// exported data itself: receipts hold counts and hashes by contract, and the package is described
// by its manifest only. Error texts, which may quote a person, are blanked; the note staff write when
// they complete a manual task is the record of what they did, kept with addresses blanked.
import type { Prisma } from "../generated/prisma/client.ts";
import { loggableError } from "../logger.ts";
import { describeActor, type EvidenceActor } from "./evidence-actors.ts";

export type EvidenceTask = Prisma.ConnectorTaskGetPayload<{ include: { connector: { select: { key: true; name: true; type: true } } } }>;
export type EvidenceArtifact = Prisma.ExportArtifactGetPayload<{ include: { downloads: { select: { at: true } } } }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** An error text as it may leave the portal: addresses and quoted values blanked (lib/logger.ts). */
export function redactedError(text: string | null): string | null {
  return text === null ? null : loggableError(new Error(text)).message;
}

export function connectorsEvidence(
  reference: string,
  tasks: EvidenceTask[],
  artifacts: EvidenceArtifact[],
  actors: Map<string, EvidenceActor> = new Map(),
) {
  return {
    reference,
    tasks: tasks.map((task) => ({
      id: task.id,
      source: { key: task.connector.key, name: task.connector.name, type: task.connector.type },
      action: task.action.toLowerCase(),
      status: task.status.toLowerCase(),
      attempts: task.attempts,
      createdAt: task.createdAt.toISOString(),
      startedAt: iso(task.startedAt),
      finishedAt: iso(task.finishedAt),
      durationMs: task.startedAt && task.finishedAt ? task.finishedAt.getTime() - task.startedAt.getTime() : null,
      callbackDeadline: iso(task.callbackDeadline),
      completedById: task.completedById,
      completedBy: task.completedById ? describeActor(actors.get(task.completedById), task.completedById) : null,
      staffNote: redactedError(task.note),
      lastError: redactedError(task.lastError),
      receipt: task.receipt,
    })),
    packages: artifacts.map((artifact) => ({
      id: artifact.id,
      createdAt: artifact.createdAt.toISOString(),
      expiresAt: artifact.expiresAt.toISOString(),
      deletedAt: iso(artifact.deletedAt),
      /** Of the encrypted file as stored. */
      sha256: artifact.sha256,
      sizeBytes: Number(artifact.sizeBytes),
      keyDestroyed: artifact.wrappedKey === null,
      maxDownloads: artifact.maxDownloads,
      downloads: artifact.downloads.map((download) => download.at.toISOString()),
      /** Each file inside the package: path, SHA-256, size and record count; never its content. */
      manifest: packageManifestFiles(artifact.manifest),
    })),
  };
}

function packageManifestFiles(manifest: Prisma.JsonValue) {
  const files = (manifest as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.map((file: Record<string, unknown>) => ({
    path: file.path,
    sha256: file.sha256,
    bytes: file.bytes,
    ...(file.records !== undefined ? { records: file.records } : {}),
  }));
}
