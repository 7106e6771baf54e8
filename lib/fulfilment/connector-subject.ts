// What a connector is told about the person: the verified email, and the account number only once
// staff confirmed it belongs to them. The account number on the form is free text anyone can type
// (someone else's, by mistake or on purpose): used before that, it would find another person's data.
import type { Subject } from "../connectors/connector.ts";

export type SubjectSource = {
  reference: string;
  email: string | null;
  accountId: string | null;
  accountIdConfirmedAt: Date | null;
};

export function connectorSubject(request: SubjectSource): Subject {
  if (!request.email) throw new Error(`Request ${request.reference} has no verified email address`);
  const confirmed = request.accountId && request.accountIdConfirmedAt ? request.accountId : null;
  return confirmed ? { email: request.email, accountId: confirmed } : { email: request.email };
}
