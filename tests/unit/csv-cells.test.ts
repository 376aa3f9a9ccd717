import { describe, expect, it } from "vitest";
import { sanitizeCsvCell, toCsv } from "../../server/services/csv";

describe("sanitizeCsvCell", () => {
  it.each(["=1+1", "+44 20", "-3", "@SUM(A1)", "\tindent", "\rreturn", '=HYPERLINK("http://x")'])("prefixes a quote to %j", (value) => {
    expect(sanitizeCsvCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text, numbers and empty values alone", () => {
    expect(sanitizeCsvCell("Jordan Lee")).toBe("Jordan Lee");
    expect(sanitizeCsvCell("Dr. Maya Rivera")).toBe("Dr. Maya Rivera");
    expect(sanitizeCsvCell("a=b")).toBe("a=b");
    expect(sanitizeCsvCell(42)).toBe("42");
    expect(sanitizeCsvCell(null)).toBe("");
    expect(sanitizeCsvCell(undefined)).toBe("");
  });

  it("writes dates as ISO 8601", () => {
    expect(sanitizeCsvCell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("toCsv", () => {
  it("starts with the header row and quotes only cells that need it", () => {
    const csv = toCsv(["A", "B", "C", "D", "E", "F"], [["Plain", 'Say "hi"', "a,b", "line\nbreak", "=cmd", null]]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("A,B,C,D,E,F");
    expect(row).toBe(`Plain,"Say ""hi""","a,b","line\nbreak",'=cmd,`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("leaves the header out for later chunks and writes nothing for no rows", () => {
    expect(toCsv(null, [["x", 1]])).toBe("x,1\r\n");
    expect(toCsv(null, [])).toBe("");
    expect(toCsv(["Only"], [])).toBe("Only\r\n");
  });
});
