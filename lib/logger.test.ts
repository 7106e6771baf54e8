import { describe, expect, it } from "vitest";
import { loggableError } from "./logger.ts";

describe("errors written to the logs", () => {
  it("never carry an email address or a value a database quoted", () => {
    const error = new Error("duplicate key value violates unique constraint: Key (email)=(ana.perez@example.com) already exists");
    const logged = loggableError(error);
    expect(logged.type).toBe("Error");
    expect(logged.message).not.toContain("ana.perez@example.com");
    expect(logged.message).toContain("Key (email)=([redacted])");
    expect(loggableError(new Error("could not reach crm for someone+tag@mail.example.org")).message).toBe(
      "could not reach crm for [email]",
    );
  });

  it("keep a useful, short message", () => {
    expect(loggableError(new Error("connect ECONNREFUSED 127.0.0.1:5432")).message).toBe("connect ECONNREFUSED 127.0.0.1:5432");
    expect(loggableError(new Error("x".repeat(1000))).message).toHaveLength(300);
    expect(loggableError("plain text")).toEqual({ type: "string", message: "plain text" });
  });
});
