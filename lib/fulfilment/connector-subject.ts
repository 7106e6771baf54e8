// What a connector is told about the person: the verified email, and the account number only once
// it is confirmed: by staff on the request, or by the company's own integration that relayed an
// opt-out (lib/opt-outs/record-opt-out.ts). The account number on the form is free text anyone can
// type (someone else's, by mistake or on purpose): used before that, it would find another person's
// data. An integration's opt-out may carry the confirmed account id and no email at all.
import type { Subject } from "../connectors/connector.ts";

export type SubjectSource = {
  reference: string;
  email: string | null;
  accountId: string | null;
  accountIdConfirmedAt: Date | null;
};

export function connectorSubject(request: SubjectSource): Subject {
  const confirmed = request.accountId && request.accountIdConfirmedAt ? request.accountId : null;
  if (!request.email) {
    if (confirmed) return { email: null, accountId: confirmed };
    throw new Error(`Request ${request.reference} has neither a verified email address nor a confirmed account id`);
  }
  return confirmed ? { email: request.email, accountId: confirmed } : { email: request.email };
}
