import { describe, expect, it } from "vitest";
import { connectorSubject } from "./connector-subject.ts";

const request = { reference: "DSR-AAAA-BBBB", email: "ana@example.test", accountId: "C-1042", accountIdConfirmedAt: null };

describe("connectorSubject", () => {
  it("gives connectors the verified email and leaves out an account number nobody confirmed", () => {
    expect(connectorSubject(request)).toEqual({ email: "ana@example.test" });
  });

  it("adds the account number once staff confirmed it", () => {
    expect(connectorSubject({ ...request, accountIdConfirmedAt: new Date() })).toEqual({ email: "ana@example.test", accountId: "C-1042" });
  });

  it("never carries the name or anything else the person typed", () => {
    const subject = connectorSubject({ ...request, fullName: "Ana Pérez", details: "my number is C-1042" } as typeof request);
    expect(Object.keys(subject)).toEqual(["email"]);
  });

  it("refuses a request whose email is gone", () => {
    expect(() => connectorSubject({ ...request, email: null })).toThrow(/DSR-AAAA-BBBB has no verified email/);
  });
});
