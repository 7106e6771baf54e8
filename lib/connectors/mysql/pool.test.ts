import { describe, expect, it } from "vitest";
import { formatStatement } from "./pool.ts";

describe("statements sent to MySQL", () => {
  it("put each $n value in escaped, in any order and more than once", () => {
    expect(formatStatement("SELECT * FROM t WHERE a = $2 AND b = $1 AND c = $2", ["x'; DROP TABLE t; --", 7])).toBe(
      "SELECT * FROM t WHERE a = 7 AND b = 'x\\'; DROP TABLE t; --' AND c = 7",
    );
    expect(formatStatement("SELECT $1, $2, $3", [null, true, Buffer.from([0, 255])])).toBe("SELECT NULL, true, X'00ff'");
    expect(formatStatement("SELECT * FROM t WHERE a IN ($1)", [["a", "b"]])).toBe("SELECT * FROM t WHERE a IN ('a', 'b')");
  });

  it("leave placeholders inside quoted names and strings alone", () => {
    expect(formatStatement("SELECT `$1`, `a``$2`, '$1', 'it''s $2' FROM t WHERE x = $1", ["v", "w"])).toBe(
      "SELECT `$1`, `a``$2`, '$1', 'it''s $2' FROM t WHERE x = 'v'",
    );
  });

  it("refuse a placeholder without a value", () => {
    expect(() => formatStatement("SELECT $2", ["only one"])).toThrow("Statement names $2 but has 1 values");
  });
});
