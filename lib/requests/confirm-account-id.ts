// Staff confirm (or take back) that the account number the person typed is theirs. Until then it
// is a hint shown to staff and nothing more: connectors get it only once confirmed
// (lib/fulfilment/connector-subject.ts), because anyone can type someone else's number. Allowed
// only before approval (VERIFIED, AWAITING_SUBJECT): once tasks run, what they were told is fixed.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";

export const confirmAccountIdSchema = z.object({
  /** true: the account number is the person's; false: take a confirmation back. */
  confirmed: z.boolean({ error: "Say whether the account number is confirmed (true) or not (false)." }),
});

const BEFORE_APPROVAL = ["VERIFIED", "AWAITING_SUBJECT"] as const;

export async function confirmAccountId(options: { reference: string; confirmed: boolean; actor: Actor; now?: Date }) {
  const { confirmed } = confirmAccountIdSchema.parse({ confirmed: options.confirmed });
  const now = options.now ?? new Date();
  return db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (!(BEFORE_APPROVAL as readonly string[]).includes(request.status)) {
      throw new AppError(
        "INVALID_STATE",
        `The account number can be confirmed or taken back only between verification and approval; ${request.reference} is ${request.status.toLowerCase().replaceAll("_", " ")}.`,
        { text: { key: "staffRequest.errors.accountIdWrongStage", values: { reference: request.reference, status: request.status } } },
      );
    }
    if (!request.accountId) {
      throw new AppError("BAD_REQUEST", `The person gave no account number on ${request.reference}: there is nothing to confirm.`, {
        text: { key: "staffRequest.errors.noAccountId", values: { reference: request.reference } },
      });
    }
    const wasConfirmed = request.accountIdConfirmedAt !== null;
    if (wasConfirmed === confirmed) {
      return { reference: request.reference, confirmed, changed: false, confirmedAt: request.accountIdConfirmedAt };
    }
    const by = confirmed ? confirmer(options.actor) : { accountIdConfirmedById: null, accountIdConfirmedByKeyId: null };
    // Only from the state read above: an approval or another confirmation committed meanwhile wins.
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, status: { in: [...BEFORE_APPROVAL] }, accountIdConfirmedAt: request.accountIdConfirmedAt },
      data: { accountIdConfirmedAt: confirmed ? now : null, ...by },
    });
    if (moved.count === 0) {
      throw new AppError("CONFLICT", `Request ${request.reference} changed meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.changedMeanwhile", values: { reference: request.reference } },
      });
    }
    // No personal value in the log: only that the number the person gave was confirmed or not.
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: confirmed ? "request.account-id-confirmed" : "request.account-id-unconfirmed",
    });
    return { reference: request.reference, confirmed, changed: true, confirmedAt: confirmed ? now : null };
  });
}

/** A staff member signs for it by name; an integration by its API key. */
function confirmer(actor: Actor): { accountIdConfirmedById: string | null; accountIdConfirmedByKeyId: string | null } {
  if (actor.type === "STAFF" && actor.id) return { accountIdConfirmedById: actor.id, accountIdConfirmedByKeyId: null };
  if (actor.type === "API_KEY" && actor.id) return { accountIdConfirmedById: null, accountIdConfirmedByKeyId: actor.id };
  throw new AppError("FORBIDDEN", "Only a staff member or an integration's API key can confirm an account number.");
}
