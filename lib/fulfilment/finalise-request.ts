// The parent job of a request's flow, run once every connector task has succeeded: access and
// portability get one encrypted package and a download link; erasure and rectification get
// their receipts summed up for the person. Idempotent: a completed request is left alone, and the
// completion is conditional on the request still being in progress, so a close or a withdrawal at
// the same moment, or a second finaliser, wins or loses whole (one closing email, never two).

import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { type EraseReceipt, isPreferenceKind, type PreferenceReceipt } from "../connectors/connector.ts";
import { finaliseRectification } from "../corrections/finalise-rectification.ts";
import { keyedHash, randomToken } from "../crypto.ts";
import { textIn } from "../data-map/data-map.schema.ts";
import { dataMapOf, organisationOf } from "../data-map/read-data-map.ts";
import { dataMapSettingKeys } from "../data-map/save-data-map-settings.ts";
import { categoryNameFor, sourceNameFor } from "../data-map/source-name.ts";
import { summariseAccessAnswer } from "../data-map/summarise-access-answer.ts";
import { db, type Tx } from "../db.ts";
import { localDayOf } from "../deadlines/calendar.ts";
import { env } from "../env.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { complaintRouteFor } from "../requests/complaint-authorities.ts";
import { hasNoAddress } from "../requests/has-no-address.ts";
import { publicUrls } from "../requests/public-urls.ts";
import { queueRequestEmail } from "../requests/queue-request-email.ts";
import type { Locale } from "../requests/request-input.schema.ts";
import { RETENTION_SETTING_KEY, retentionSettingsOf } from "../retention/retention-settings.ts";
import { buildPackage } from "./package/build-package.ts";
import { wrapPackageKey } from "./package/encrypted-file.ts";
import { openUploadedFile, readStagingFile, storagePath } from "./staging-file.ts";

type RequestWithTasks = Prisma.DsarRequestGetPayload<{ include: { tasks: { include: { connector: true } } } }>;

/** with-staff: corrections no source made wait for staff (lib/corrections); their completion finalises again. */
export async function finaliseRequest(requestId: string): Promise<"completed" | "already-completed" | "waiting" | "with-staff"> {
  const request = await db().dsarRequest.findUnique({
    where: { id: requestId },
    include: { tasks: { include: { connector: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!request) throw new Error(`Request ${requestId} does not exist`);
  if (request.status === "COMPLETED") return "already-completed";
  if (request.status !== "IN_PROGRESS") return "already-completed"; // withdrawn or denied meanwhile: nothing to deliver
  if (request.tasks.some((task) => task.status !== "SUCCEEDED")) return "waiting";
  const emailId =
    request.type === "ACCESS" || request.type === "PORTABILITY"
      ? await deliverPackage(request)
      : request.type === "ERASURE"
        ? await completeWith(request, "erasure-completed", erasureProps(request, request.locale as Locale), "FULFILLED")
        : isPreferenceKind(request.type.toLowerCase())
          ? await completeWith(request, "preference-applied", preferenceProps(request, request.locale as Locale), "FULFILLED")
          : await finaliseRectification(request, (props, outcome, data) =>
              completeWith(request, "rectification-completed", props, outcome, data),
            );
  if (emailId === "with-staff") return "with-staff";
  if (emailId === NO_ADDRESS) return "completed";
  // No email: the request was closed, withdrawn or completed by someone else meanwhile.
  if (!emailId) return "already-completed";
  await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return "completed";
}

async function deliverPackage(request: RequestWithTasks): Promise<string | null> {
  const config = env();
  const key = randomBytes(32);
  const dir = storagePath("packages");
  // Each attempt writes a file of its own: two finalisers at once never write into one file.
  const outputPath = join(dir, `${request.id}.${randomUUID()}.zip.enc`);
  const locale = request.locale as Locale;
  // The data map as it stands now (the connectors were read with the request): the answer says what
  // the company says today. The controller's details and the admins' retention setting (how long the
  // package stays) are read in one statement.
  const maps = new Map(request.tasks.map((task) => [task.connectorId, dataMapOf(task.connector.dataMap)]));
  const mapOf = (connectorId: string) => maps.get(connectorId) ?? null;
  const settings = await db().setting.findMany({ where: { key: { in: [dataMapSettingKeys.organisation, RETENTION_SETTING_KEY] } } });
  const organisation = organisationOf(settings.find((row) => row.key === dataMapSettingKeys.organisation)?.value);
  const { packageDays } = retentionSettingsOf(settings.find((row) => row.key === RETENTION_SETTING_KEY));
  const built = await inStorage(config.STORAGE_DIR, request.reference, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return buildPackage({
      outputPath,
      key,
      locale: request.locale as Locale,
      companyName: config.COMPANY_NAME,
      reference: request.reference,
      requestType: request.type === "ACCESS" ? "access" : "portability",
      generatedAt: new Date(),
      timeZone: config.CONTROLLER_TIME_ZONE,
      sources: request.tasks.map((task) => ({ ...packageSourceOf(task, locale), dataMap: mapOf(task.connectorId) })),
      answer: {
        organisation,
        complaint: complaintRouteFor(request, locale),
        // California residents get the §1798.110 list as well.
        california: request.jurisdiction === "US_CA",
      },
    });
  });
  const token = randomToken();
  const expiresAt = new Date(Date.now() + packageDays * 86_400_000);
  const emailId = await db().$transaction(async (tx: Tx) => {
    if (!(await markCompleted(tx, request, "FULFILLED"))) return null;
    const artifact = await tx.exportArtifact.create({
      select: { id: true },
      data: {
        requestId: request.id,
        storagePath: outputPath,
        sizeBytes: BigInt(built.sizeBytes),
        sha256: built.sha256,
        wrappedKey: wrapPackageKey(key),
        manifest: built.manifest as object,
        downloadTokenHash: keyedHash("download-token", token),
        expiresAt,
        maxDownloads: config.DOWNLOAD_MAX_COUNT,
      },
    });
    await auditCompletion(tx, request, "FULFILLED", {
      artifactId: artifact.id,
      packageSha256: built.sha256,
      files: built.manifest.files.length,
    });
    // The staging files served their purpose once the package exists (removed after the commit).
    if (request.tasks.some((task) => task.resultPath)) {
      await tx.connectorTask.updateMany({ where: { requestId: request.id }, data: { resultPath: null, resultKeyWrapped: null } });
    }
    const downloadUrl = publicUrls.download(request.locale as Locale, token);
    return queueRequestEmail(
      tx,
      request,
      "package-ready",
      {
        reference: request.reference,
        type: request.type === "ACCESS" ? "access" : "portability",
        downloadUrl,
        // The day on the controller's calendar, not UTC's (a day late in the evening west of UTC).
        expiresOn: localDayOf(expiresAt, config.CONTROLLER_TIME_ZONE),
        maxDownloads: config.DOWNLOAD_MAX_COUNT,
        sources: request.tasks.map((task) => ({
          name: sourceNameFor(task.connector, locale),
          records: Number((task.receipt as { records?: number } | null)?.records ?? 0),
        })),
        // Access: which kinds of data, why, how long, who receives it (Art. 15(1)); the package has the rest.
        ...(request.type === "ACCESS"
          ? {
              answer: summariseAccessAnswer(
                request.tasks.map((task, index) => ({
                  name: sourceNameFor(task.connector, locale),
                  categories: built.categories[index] ?? [],
                  dataMap: mapOf(task.connectorId),
                })),
                locale,
              ),
            }
          : {}),
      },
      [downloadUrl, token],
    );
  });
  if (!emailId) {
    // Closed or withdrawn meanwhile, or another finaliser won: this package is nobody's.
    await rm(outputPath, { force: true });
    return null;
  }
  await Promise.all(request.tasks.map((task) => (task.resultPath ? rm(task.resultPath, { force: true }) : undefined)));
  return emailId;
}

/**
 * A package the storage cannot take (folder missing or not one, no rights, disk full) fails the
 * finaliser with a message that says so; BullMQ retries it. buildPackage writes under a temporary
 * name and removes it on failure, so nothing half-written is left under the package's name.
 */
async function inStorage<T>(storageDir: string, reference: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const fsError = error as NodeJS.ErrnoException;
    if (!fsError?.code || !fsError.syscall) throw error;
    throw new Error(
      `The package of ${reference} could not be written to the storage folder (STORAGE_DIR=${storageDir}): ${fsError.code} on ${fsError.syscall}${fsError.path ? ` ${fsError.path}` : ""}. Check that the folder exists, is writable and has space.`,
      { cause: error },
    );
  }
}

async function* emptyRecords() {}

type Description = string | { en?: string; fr?: string };

/**
 * What each field of one source means, from its connector's declaration, in the request's language.
 * Kept per source: two sources with a `customer` category must not overwrite each other's.
 */
function fieldDescriptionsOf(
  connector: RequestWithTasks["tasks"][number]["connector"],
  locale: Locale,
): Record<string, Record<string, string>> {
  const described: Record<string, Record<string, string>> = {};
  const declared = (connector.fieldDescriptions ?? {}) as Record<string, Record<string, Description>>;
  for (const [category, fields] of Object.entries(declared)) {
    for (const [field, text] of Object.entries(fields)) {
      const value = typeof text === "string" ? text : (text[locale] ?? text.en ?? text.fr);
      if (!value) continue;
      described[category] ??= {};
      described[category][field] = value;
    }
  }
  return described;
}

/** A connector's staged records, or for a manual task the file staff uploaded. */
function packageSourceOf(task: RequestWithTasks["tasks"][number], locale: Locale) {
  const source = {
    key: task.connector.key,
    name: sourceNameFor(task.connector, locale),
    fieldDescriptions: fieldDescriptionsOf(task.connector, locale),
  };
  if (!task.resultPath || !task.resultKeyWrapped) return { ...source, records: emptyRecords() };
  const { resultPath, resultKeyWrapped } = task;
  const uploaded = (task.receipt as { files?: Array<{ name: string }> } | null)?.files;
  if (task.connector.type === "manual" && uploaded?.length) {
    return {
      ...source,
      records: emptyRecords(),
      attachments: [{ name: uploaded[0].name, open: () => openUploadedFile(resultPath, resultKeyWrapped) }],
    };
  }
  return { ...source, records: readStagingFile(resultPath, resultKeyWrapped, task.connector.key) };
}

function preferenceProps(request: RequestWithTasks, locale: Locale) {
  return {
    reference: request.reference,
    kind: request.type.toLowerCase(),
    sources: request.tasks.map((task) => {
      const switched = (task.receipt as Partial<PreferenceReceipt> | null)?.switchedOff ?? [];
      return {
        name: sourceNameFor(task.connector, locale),
        // A suppression list carries its own label for the person; a table its data map label or name.
        categories: [
          ...new Set(
            switched
              .filter((s) => s.rows > 0)
              .map((s) => (s.label ? textIn(s.label, locale) : categoryNameFor(task.connector, s.category, locale))),
          ),
        ],
        // A manual task completed by staff has no row count: it counts as done once.
        rows: task.connector.type === "manual" ? 1 : switched.reduce((sum, s) => sum + s.rows, 0),
      };
    }),
  };
}

function erasureProps(request: RequestWithTasks, locale: Locale) {
  return {
    reference: request.reference,
    sources: request.tasks.map((task) => {
      const receipt = (task.receipt ?? { affected: 0, details: [] }) as EraseReceipt;
      const details = receipt.details ?? [];
      return {
        name: sourceNameFor(task.connector, locale),
        erased: details.filter((d) => d.strategy !== "retain").reduce((sum, d) => sum + d.rows, 0),
        retained: details
          .filter((d) => d.strategy === "retain" && d.rows > 0)
          .map((d) => ({ category: categoryNameFor(task.connector, d.category, locale), rows: d.rows, reason: d.reason ?? "" })),
      };
    }),
  };
}

async function completeWith(
  request: RequestWithTasks,
  template: string,
  props: Record<string, unknown>,
  outcome: "FULFILLED" | "PARTIALLY_FULFILLED",
  data: Record<string, unknown> = {},
) {
  return db().$transaction(async (tx: Tx) => {
    if (!(await markCompleted(tx, request, outcome))) return null;
    await auditCompletion(tx, request, outcome, data);
    // An opt-out an integration relayed by account id alone has no address to write to.
    if (hasNoAddress(request)) return NO_ADDRESS;
    return queueRequestEmail(tx, request, template, props);
  });
}

/** Completed, and nobody to tell: the request carries no email address (and was never purged, being open). */
const NO_ADDRESS = "no-address";

/** Completes the request if it is still in progress (its row then stays locked until the commit). */
async function markCompleted(tx: Tx, request: RequestWithTasks, outcome: "FULFILLED" | "PARTIALLY_FULFILLED"): Promise<boolean> {
  const moved = await tx.dsarRequest.updateMany({
    where: { id: request.id, status: "IN_PROGRESS" },
    data: { status: "COMPLETED", outcome, closedAt: new Date(), finaliseFailedAt: null, finaliseError: null },
  });
  return moved.count === 1;
}

async function auditCompletion(
  tx: Tx,
  request: RequestWithTasks,
  outcome: "FULFILLED" | "PARTIALLY_FULFILLED",
  data: Record<string, unknown>,
) {
  await appendAuditEvent(tx, {
    requestId: request.id,
    actor: { type: "SYSTEM" },
    action: "request.completed",
    data: { outcome, tasks: request.tasks.length, ...data },
  });
}
