// Exercise (DRP 2.01): an authorized agent files a right for a person. The portal request is
// created by the same service as the form (channel DRP, the agent as actor); the person confirms
// it directly with the business by the emailed link or code (CCPA regulations § 7063(a)), and
// the agent follows it through the status object.
import { z } from "zod";
import { db } from "../db.ts";
import { RequestType } from "../generated/prisma/enums.ts";
import { isRegionOf } from "../geo/regions.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { createSubmission } from "../requests/create-submission.ts";
import type { AuthenticatedAgent } from "./authenticate-agent.ts";
import { checkCallbackUrl } from "./check-callback-url.ts";
import { checkEnvelope } from "./check-envelope.ts";
import { DrpError } from "./drp-error.ts";
import { type DrpStatusObject, drpStatusOf } from "./drp-status.ts";
import { openSignedMessage } from "./open-signed-message.ts";
import { assertMessageNotSeen, isReplayConflict, rememberMessage, replayError } from "./seen-messages.ts";

/** DRP actions and the portal right each one files; a right the portal lacks is not supported. */
const actionRights: Record<string, string> = {
  access: "ACCESS",
  deletion: "ERASURE",
  "sale:opt-out": "OPT_OUT",
  "sensitive:limit": "LIMIT_SENSITIVE",
};

/** The DRP actions this portal files, from the rights its schema has. */
export function supportedDrpActions(): string[] {
  const rights = new Set<string>(Object.values(RequestType));
  return Object.entries(actionRights)
    .filter(([, right]) => rights.has(right))
    .map(([action]) => action);
}

const claimsSchema = z.looseObject({
  exercise: z.string({ message: 'the claim "exercise" must be one action, as a string' }),
  regime: z.string({ message: 'the claim "regime" must be a string' }).optional(),
  "agent-request-id": z.string().max(200, { message: 'the claim "agent-request-id" must be at most 200 characters' }).optional(),
  status_callback: z.string({ message: 'the claim "status_callback" must be a URL' }).max(2000).optional(),
  name: z.string({ message: 'the claim "name" must be a string' }).max(200).optional(),
  email: z.email({ message: 'the claim "email" must be an email address' }).max(254).optional(),
  address: z
    .looseObject({ country: z.string().optional(), region: z.string().optional() }, { message: 'the claim "address" must be an object' })
    .optional(),
});

function placeOf(claims: z.infer<typeof claimsSchema>, regime: string | null): { country: string; region: string } {
  // CCPA requests are Californian; a voluntary one follows the address when it names a US state.
  const region = claims.address?.region?.toUpperCase();
  if (regime === null && claims.address?.country?.toUpperCase() === "US" && region && isRegionOf("US", region))
    return { country: "US", region };
  return { country: "US", region: "CA" };
}

export async function fileDrpRequest(
  agent: AuthenticatedAgent,
  body: string,
  businessId: string,
  now = new Date(),
): Promise<DrpStatusObject> {
  const message = openSignedMessage(body, agent.verifyKey);
  const envelope = checkEnvelope(message.claims, { agentId: agent.id, businessId, now });
  const parsed = claimsSchema.safeParse(message.claims);
  if (!parsed.success) throw new DrpError(400, `Invalid request: ${parsed.error.issues.map((issue) => issue.message).join("; ")}.`, true);
  const claims = parsed.data;
  if (!supportedDrpActions().includes(claims.exercise)) {
    throw new DrpError(
      400,
      `Unsupported rights actions submitted: "${claims.exercise}" (this business supports ${supportedDrpActions().join(", ")}).`,
      true,
    );
  }
  const regime = claims.regime === undefined || claims.regime === "voluntary" ? null : claims.regime;
  if (regime !== null && regime !== "ccpa")
    throw new DrpError(400, `Unsupported regime "${regime}": this business accepts "ccpa" or voluntary requests.`, true);
  if (!claims.email) throw new DrpError(400, 'The claim "email" is required: this business verifies people by email.', true);
  const statusCallback = claims.status_callback ? checkCallbackUrl(claims.status_callback) : null;
  await assertMessageNotSeen(message.signature);

  const type = actionRights[claims.exercise].toLowerCase();
  let drpRequestId = "";
  try {
    const created = await createSubmission({
      input: {
        types: [type as never],
        email: claims.email,
        fullName: claims.name?.trim() || undefined,
        ...placeOf(claims, regime),
        locale: "en",
      },
      channel: "DRP",
      actor: { type: "DRP_AGENT", id: agent.id },
      now,
      alsoWrite: async (tx, requests) => {
        await rememberMessage(tx, message.signature, envelope.expiresAt);
        const drp = await tx.drpRequest.create({
          data: {
            requestId: requests[0].id,
            agentId: agent.id,
            agentRequestId: claims["agent-request-id"] ?? null,
            exercise: claims.exercise,
            regime,
            statusCallback,
            createdAt: now,
          },
          select: { id: true },
        });
        drpRequestId = drp.id;
      },
    });
    const request = await createdRequest(created.requests[0].id);
    if (statusCallback) await enqueueAfterCommit("drp.status-callback", { drpRequestId }, { jobId: `drp-callback-${drpRequestId}-filed` });
    return drpStatusOf({ drpRequestId, agentRequestId: claims["agent-request-id"] ?? null, ...request });
  } catch (error) {
    if (isReplayConflict(error)) throw replayError();
    throw error;
  }
}

async function createdRequest(id: string) {
  return db().dsarRequest.findUniqueOrThrow({
    where: { id },
    select: { status: true, denialReason: true, receivedAt: true, dueDate: true, extended: true },
  });
}
