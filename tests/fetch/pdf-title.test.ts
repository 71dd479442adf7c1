import { describe, expect, it } from "vitest";
import { pdfTitle } from "../../src/fetch/pdf-title.js";

const pdf = (...lines: string[]) => Buffer.from(["%PDF-1.7", ...lines, "%%EOF"].join("\n"), "latin1");

describe("the title of a PDF", () => {
  it("reads a UTF-16 hex string", () => {
    expect(pdfTitle(pdf("7 0 obj << /Title <FEFF 4E2D 6587> >> endobj", "trailer << /Info 7 0 R >>"))).toBe("中文");
  });

  it("reads a UTF-16 literal string written with octal escapes", () => {
    expect(pdfTitle(pdf("7 0 obj << /Title (\\376\\377\\000H\\000i) >> endobj", "trailer << /Info 7 0 R >>"))).toBe("Hi");
  });

  it("takes the Info dictionary of the latest incremental update", () => {
    const updated = pdf(
      "2 0 obj << /Title (Draft) >> endobj",
      "trailer << /Info 2 0 R >>",
      "12 0 obj << /Title (Final) >> endobj",
      "trailer << /Info 12 0 R /Prev 9 >>",
    );
    expect(pdfTitle(updated)).toBe("Final");
  });

  it("gives nothing when the Info dictionary is not among the bytes read", () => {
    expect(pdfTitle(pdf("4 0 obj << /Title (An outline entry) >> endobj"))).toBeUndefined();
    expect(pdfTitle(pdf("trailer << /Info 9 0 R >>"))).toBeUndefined();
  });
});
