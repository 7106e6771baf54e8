// Every change of a request goes through here, inside its transaction: the row is updated only if
// it is still in the status the transaction read, and stays locked until the commit. Two changes
// racing on one request (a withdrawal and a question, a denial and the person's answer, a close
// and the finaliser) cannot both succeed: the second waits for the first, finds the status moved
// and gets a CONFLICT. Returns the row as updated, which the rest of the transaction works from. A change that keeps the status (an extension, a retry, asking again) passes
// the statuses it accepts and takes the same lock.
import type { Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import type { DsarRequest, Prisma } from "../generated/prisma/client.ts";
import type { RequestStatus } from "../generated/prisma/enums.ts";

export async function moveRequestFrom(
  tx: Tx,
  request: { id: string; reference: string },
  from: RequestStatus | RequestStatus[],
  data: Prisma.DsarRequestUpdateManyMutationInput = {},
): Promise<DsarRequest> {
  const [moved] = await tx.dsarRequest.updateManyAndReturn({
    where: { id: request.id, status: Array.isArray(from) ? { in: from } : from },
    data: { updatedAt: new Date(), ...data },
  });
  if (!moved)
    throw new AppError("CONFLICT", `Request ${request.reference} changed meanwhile; reload it and try again.`, {
      text: { key: "staffRequest.errors.changedMeanwhile", values: { reference: request.reference } },
    });
  // The row as it is now, with whatever a change committed just before (an extension's due date).
  return moved;
}
