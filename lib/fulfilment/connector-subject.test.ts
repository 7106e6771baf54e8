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

  it("refuses a request with no email and no confirmed account id (purged, or only typed)", () => {
    expect(() => connectorSubject({ ...request, email: null })).toThrow(
      /DSR-AAAA-BBBB has neither a verified email address nor a confirmed/,
    );
    expect(() => connectorSubject({ ...request, email: null, accountId: null, accountIdConfirmedAt: new Date() })).toThrow(/neither/);
  });

  it("names the person by the confirmed account id alone when an integration relayed it without an email", () => {
    expect(connectorSubject({ ...request, email: null, accountIdConfirmedAt: new Date() })).toEqual({ email: null, accountId: "C-1042" });
  });
});
