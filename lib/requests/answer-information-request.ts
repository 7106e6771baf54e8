// The person answers the privacy team's question on their status page.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { safeText } from "../http/safe-text.ts";
import { recordInformationReceivedInTx } from "./record-information-received.ts";
import { submissionOfStatusToken } from "./status-links.ts";

export const answerSchema = z.object({
  answer: safeText({ typeMessage: "validation.answer", message: "validation.text", multiline: true })
    .trim()
    .min(1, { message: "validation.answer" })
    .max(5000, { message: "validation.answer" }),
});

export async function answerInformationRequest(
  statusToken: string,
  reference: string,
  input: z.input<typeof answerSchema>,
  now = new Date(),
) {
  const { answer } = answerSchema.parse(input);
  return db().$transaction(async (tx: Tx) => {
    const submissionId = await submissionOfStatusToken(statusToken, tx);
    return recordInformationReceivedInTx(tx, { reference, submissionId, actor: { type: "SUBJECT" }, answer, now });
  });
}
