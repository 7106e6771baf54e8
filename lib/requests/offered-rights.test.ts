import { describe, expect, it } from "vitest";
import { jurisdictionFor } from "../deadlines/jurisdiction-for.ts";
import { rightsOffered } from "./offered-rights.ts";

const none = { rights: {} };

describe("the rights the form offers", () => {
  it("offers a Californian opt-out and limit, not restriction", () => {
    const offered = rightsOffered(jurisdictionFor("US", "CA", "EU_GDPR"), none);
    expect(offered).toEqual(["access", "rectification", "erasure", "portability", "opt_out", "limit_sensitive"]);
  });

  it("offers a French resident restriction and objection, not opt-out", () => {
    const offered = rightsOffered(jurisdictionFor("FR", null, "EU_GDPR"), none);
    expect(offered).toEqual(["access", "rectification", "erasure", "portability", "restriction", "objection"]);
  });

  it("adds a right the company honours everywhere", () => {
    const offered = rightsOffered(jurisdictionFor("FR", null, "EU_GDPR"), { rights: { opt_out: "everywhere" } });
    expect(offered).toContain("opt_out");
    expect(rightsOffered("CA_QC", none)).not.toContain("opt_out");
  });
});
