import { describe, expect, it } from "vitest";
import { failed } from "../../../src/fetch/types.js";
import { isPassing, pageFacts } from "../../../src/jobs/page-titles/page-facts.js";

describe("what a link keeps of a fetched page", () => {
  it("keeps an HTML page's title, site, description, language and reading time", () => {
    const facts = pageFacts({
      kind: "html",
      finalUrl: "https://e.org/",
      contentType: "text/html",
      title: "T",
      siteName: "S",
      description: "D",
      language: "en",
      readingMinutes: 4,
    });
    expect(facts).toEqual({ title: "T", siteName: "S", description: "D", language: "en", contentType: "text/html", readingMinutes: 4 });
  });

  it("names a PDF by its title, else its file name, and media by the file name", () => {
    expect(pageFacts({ kind: "pdf", finalUrl: "x", contentType: "application/pdf", title: "Paper", fileName: "p.pdf" }).title).toBe("Paper");
    expect(pageFacts({ kind: "pdf", finalUrl: "x", contentType: "application/pdf", fileName: "p.pdf" }).title).toBe("p.pdf");
    expect(pageFacts({ kind: "video", finalUrl: "x", contentType: "video/mp4", fileName: "talk.mp4" })).toMatchObject({
      title: "talk.mp4",
      contentType: "video/mp4",
    });
  });

  it("retries only failures another try may cure", () => {
    for (const passing of [
      failed("u", { reason: "timeout" }),
      failed("u", { reason: "network-error", code: "ECONNRESET" }),
      failed("u", { reason: "http-status", status: 503 }),
      failed("u", { reason: "http-status", status: 429 }),
    ]) {
      expect(isPassing(passing)).toBe(true);
    }
    for (const final of [
      failed("u", { reason: "http-status", status: 404 }),
      failed("u", { reason: "refused-address", address: "10.0.0.1" }),
      failed("u", { reason: "bad-scheme", scheme: "ftp:" }),
      failed("u", { reason: "too-many-redirects" }),
    ]) {
      expect(isPassing(final)).toBe(false);
    }
  });
});
