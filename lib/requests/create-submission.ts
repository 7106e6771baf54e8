// A person files one or more rights at once: one request per right, one proof-of-email
// challenge for all of them, one email with the link and the code.
import { randomUUID } from "node:crypto";
import { removeAgentPermissions, type StoredAgentPermission, storeAgentPermission } from "../agents/store-agent-permission.ts";
import { emailHash, keyedHash, normaliseEmail, randomCode, randomReference, randomToken } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { jurisdictionFor } from "../deadlines/index.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { RequestChannel, RequestType } from "../generated/prisma/enums.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { publicUrls } from "./public-urls.ts";
import { computeRequestDeadline, deadlineColumns } from "./request-deadline.ts";
import type { Locale, RequestFormInput } from "./request-input.schema.ts";
import { assertRightsOffered, readVoluntaryRights } from "./rights-offered.ts";
import { issueStatusToken } from "./status-links.ts";

export type CreateSubmissionOptions = {
  input: RequestFormInput;
  channel: RequestChannel;
  actor?: Actor;
  now?: Date;
  /** More rows written in the submission's own transaction (e.g. the DRP side of the requests). */
  alsoWrite?: (tx: Tx, requests: CreatedSubmission["requests"]) => Promise<void>;
  /** With `input.agent`: the permission the person signed, as uploaded (checked, then stored encrypted). */
  agentPermission?: Buffer;
};

export type CreatedSubmission = {
  submissionId: string;
  requests: Array<{ id: string; reference: string; type: RequestType }>;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * References are 40 random bits checked by a unique index: with a million requests stored a draw
 * meets a taken one about once in a million, and then the whole transaction runs again with fresh
 * draws (a failed statement aborts a PostgreSQL transaction, so it cannot go on in the same one).
 * Five taken draws in a row would need the reference space nearly full: that is an error, not a loop.
 */
const REFERENCE_ATTEMPTS = 5;

/** True for a unique violation on the request reference only (any other constraint is a real error). */
function isReferenceTaken(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = (error.meta ?? {}) as { modelName?: string };
  return meta.modelName === "DsarRequest" && JSON.stringify(meta).includes("reference");
}

export async function createSubmission(options: CreateSubmissionOptions): Promise<CreatedSubmission> {
  const config = env();
  const { input } = options;
  const now = options.now ?? new Date();
  const locale: Locale = input.locale ?? "en";
  const email = normaliseEmail(input.email);
  const submissionId = randomUUID();
  const verifyToken = randomToken();
  const code = randomCode();
  const jurisdiction = jurisdictionFor(input.country, input.region ?? null, config.DEFAULT_JURISDICTION as never);
  assertRightsOffered(jurisdiction, input.types, await readVoluntaryRights());
  const types = [...new Set(input.types)].map((t) => t.toUpperCase() as RequestType);
  const actor = options.actor ?? { type: "SUBJECT" as const };
  const agent = input.agent;
  if (agent && !options.agentPermission) {
    throw new AppError("BAD_REQUEST", "A request filed on someone else's behalf needs the permission they signed.");
  }
  // Written before the transaction (files cannot roll back); removed below if it does not commit.
  const permissions: StoredAgentPermission[] =
    agent && options.agentPermission ? await storeAgentPermission(options.agentPermission, types.length) : [];

  const fileRequests = async (tx: Tx) => {
    const requests = [];
    for (const type of types) {
      const clock = {
        jurisdiction,
        type,
        receivedAt: now,
        timeZone: config.CONTROLLER_TIME_ZONE,
        holidayRegion: config.CONTROLLER_HOLIDAY_REGION,
      };
      const request = await tx.dsarRequest.create({
        data: {
          ...clock,
          reference: randomReference(),
          submissionId,
          status: "SUBMITTED",
          channel: options.channel,
          locale,
          email,
          emailHash: emailHash(email),
          fullName: input.fullName ?? null,
          accountId: input.accountId ?? null,
          country: input.country,
          region: input.region ?? null,
          details: input.details ?? null,
          corrections: type === "RECTIFICATION" && input.corrections ? input.corrections : undefined,
          verifyBy: new Date(now.getTime() + config.VERIFY_WITHIN_DAYS * DAY),
          ...deadlineColumns(computeRequestDeadline(clock)),
        },
        select: { id: true, reference: true, type: true, dueDate: true },
      });
      await appendAuditEvent(tx, {
        requestId: request.id,
        actor,
        action: "request.submitted",
        at: now,
        data: {
          type,
          channel: options.channel,
          jurisdiction,
          locale,
          submissionId,
          rightsInSubmission: types.length,
          withAccountId: Boolean(input.accountId),
          corrections: input.corrections?.length ?? 0,
          filedByAgent: Boolean(agent),
          dueDate: request.dueDate.toISOString().slice(0, 10),
        },
      });
      const permission = permissions[requests.length];
      if (agent && permission) {
        await tx.agentAuthorization.create({
          data: {
            requestId: request.id,
            agentName: agent.name,
            agentEmail: normaliseEmail(agent.email),
            agentOrganisation: agent.organisation ?? null,
            permissionPath: permission.path,
            permissionKeyWrapped: permission.keyWrapped,
            permissionType: permission.type,
            permissionBytes: permission.bytes,
            permissionSha256: permission.sha256,
          },
        });
      }
      requests.push({ id: request.id, reference: request.reference, type: request.type });
    }
    await options.alsoWrite?.(tx, requests);
    await tx.verificationChallenge.create({
      data: {
        submissionId,
        tokenHash: keyedHash("verify-token", verifyToken),
        codeHash: keyedHash("verify-code", `${submissionId}:${code}`),
        expiresAt: new Date(now.getTime() + config.VERIFICATION_TTL_HOURS * HOUR),
      },
    });
    const statusToken = await issueStatusToken(tx, submissionId);
    const verifyUrl = publicUrls.verify(locale, verifyToken);
    const statusUrl = publicUrls.status(locale, statusToken);
    const emailId = await queueEmail(tx, {
      template: "verify-request",
      locale,
      to: email,
      requestId: requests[0].id,
      props: {
        references: requests.map((r) => r.reference),
        types: requests.map((r) => r.type.toLowerCase()),
        verifyUrl,
        code,
        statusUrl,
        expiresInHours: config.VERIFICATION_TTL_HOURS,
        ...(agent ? { agent: { name: agent.name, ...(agent.organisation ? { organisation: agent.organisation } : {}) } } : {}),
      },
      secrets: [verifyUrl, statusUrl, verifyToken, statusToken, code],
    });
    const emailIds = [emailId];
    if (agent) {
      // The agent hears it was received and that the person must confirm; no link of the person's.
      emailIds.push(
        await queueEmail(tx, {
          template: "agent-request-received",
          locale,
          to: normaliseEmail(agent.email),
          requestId: requests[0].id,
          props: {
            references: requests.map((r) => r.reference),
            types: requests.map((r) => r.type.toLowerCase()),
            verifyWithinDays: config.VERIFY_WITHIN_DAYS,
          },
        }),
      );
    }
    return { requests, emailIds };
  };

  let result: Awaited<ReturnType<typeof fileRequests>> | undefined;
  for (let attempt = 1; !result; attempt++) {
    try {
      result = await db().$transaction(fileRequests);
    } catch (error) {
      if (!isReferenceTaken(error) || attempt >= REFERENCE_ATTEMPTS) await removeAgentPermissions(permissions.map((p) => p.path));
      if (!isReferenceTaken(error)) throw error;
      if (attempt >= REFERENCE_ATTEMPTS) {
        throw new Error(`Every request reference drawn in ${REFERENCE_ATTEMPTS} tries was already taken; nothing was filed.`, {
          cause: error,
        });
      }
    }
  }

  for (const emailId of result.emailIds) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return { submissionId, requests: result.requests };
}
