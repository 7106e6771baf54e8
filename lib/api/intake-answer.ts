// The answer of `POST /api/v1/requests`, and the same answer read from the result of
// createSubmission's transaction, so an Idempotency-Key stores it in that very transaction
// (lib/http/idempotency.ts: a crash right after the commit still replays the same reference).
import { z } from "zod";

const submittedInTransaction = z.object({ requests: z.array(z.object({ reference: z.string() })).min(1) });

export function intakeAnswer(reference: string) {
  return { status: 202, body: { reference, status: "submitted" } };
}

export function intakeAnswerFromTransaction(result: unknown): ReturnType<typeof intakeAnswer> | null {
  const parsed = submittedInTransaction.safeParse(result);
  return parsed.success ? intakeAnswer(parsed.data.requests[0].reference) : null;
}
