import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv.ts";

describe("CSV cells", () => {
  it.each([
    { what: "plain text as it is", value: "Élodie", cell: "Élodie" },
    { what: "text with a comma in quotes", value: "Paris, France", cell: '"Paris, France"' },
    { what: "quotes doubled", value: 'say "hi"', cell: '"say ""hi"""' },
    { what: "a newline in quotes", value: "a\nb", cell: '"a\nb"' },
    { what: "a formula behind an apostrophe", value: "=1+1", cell: "'=1+1" },
    { what: "a leading plus behind an apostrophe", value: "+33 1 23 45 67 89", cell: "'+33 1 23 45 67 89" },
    { what: "a leading minus in text behind an apostrophe", value: "-2+3", cell: "'-2+3" },
    { what: "a leading at sign behind an apostrophe", value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { what: "a leading tab behind an apostrophe", value: "\tx", cell: "'\tx" },
    { what: "a leading carriage return behind an apostrophe, quoted", value: "\r=1", cell: '"\'\r=1"' },
    { what: "a formula with a comma, guarded and quoted", value: '=HYPERLINK("x",1)', cell: `"'=HYPERLINK(""x"",1)"` },
    { what: "a negative number as a number", value: -12.5, cell: "-12.5" },
    { what: "a boolean", value: false, cell: "false" },
    { what: "null as an empty cell", value: null, cell: "" },
    { what: "a missing value as an empty cell", value: undefined, cell: "" },
    { what: "an object as JSON text", value: { a: 1, b: "x,y" }, cell: '"{""a"":1,""b"":""x,y""}"' },
    { what: "an array as JSON text", value: [1, 2], cell: '"[1,2]"' },
  ])("writes $what", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("ends every row with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
