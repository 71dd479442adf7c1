import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPageInfo } from "../../src/fetch/fetch-page.js";
import { localOptions, respond, serveLocally, type LocalServer } from "../support/local-server.js";

// An outline entry with a /Title of its own comes before the Info dictionary the trailer names.
const PDF = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj",
  "4 0 obj << /Title (Chapter one) >> endobj",
  "3 0 obj << /Title (Study \\(notes\\) on caf\\351) /Author (Someone) >> endobj",
  "trailer << /Root 1 0 R /Info 3 0 R >>",
  "%%EOF",
].join("\n");

let server: LocalServer;

beforeAll(async () => {
  server = await serveLocally({
    "/papers/study.pdf": respond(Buffer.from(PDF, "latin1"), { "content-type": "application/pdf" }),
    "/download": respond(Buffer.from(PDF, "latin1"), {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="fallback.pdf"; filename*=UTF-8''%E7%AC%94%E8%AE%B0.pdf`,
    }),
    "/pictures/cat%20photo.png": respond(Buffer.alloc(64), { "content-type": "image/png" }),
    "/talk.mp4": respond(Buffer.alloc(64), { "content-type": "video/mp4" }),
    "/data": respond("{}", { "content-type": "application/json" }),
    "/packed": respond("<title>?</title>", { "content-type": "text/html", "content-encoding": "zstd" }),
  });
});

afterAll(() => server.close());

const fetchLocal = (path: string) => fetchPageInfo(`${server.origin}${path}`, localOptions());

describe("files that are not web pages", () => {
  it("names a PDF after its URL and reads the title of its Info dictionary", async () => {
    expect(await fetchLocal("/papers/study.pdf")).toEqual({
      kind: "pdf",
      finalUrl: `${server.origin}/papers/study.pdf`,
      contentType: "application/pdf",
      fileName: "study.pdf",
      title: "Study (notes) on café",
    });
  });

  it("prefers the file name the server gives", async () => {
    expect(await fetchLocal("/download")).toMatchObject({ kind: "pdf", fileName: "笔记.pdf" });
  });

  it("names an image and a video and gives their type", async () => {
    expect(await fetchLocal("/pictures/cat%20photo.png")).toMatchObject({ kind: "image", fileName: "cat photo.png", contentType: "image/png" });
    expect(await fetchLocal("/talk.mp4")).toMatchObject({ kind: "video", fileName: "talk.mp4", contentType: "video/mp4" });
  });
});

describe("responses that give nothing to show", () => {
  it("reports a 404 with its status", async () => {
    expect(await fetchLocal("/missing")).toEqual({ kind: "failed", url: `${server.origin}/missing`, reason: "http-status", status: 404 });
  });

  it("reports a type that is no page", async () => {
    expect(await fetchLocal("/data")).toMatchObject({ kind: "failed", reason: "not-a-page", contentType: "application/json" });
  });

  it("reports a compression it did not ask for", async () => {
    expect(await fetchLocal("/packed")).toMatchObject({ kind: "failed", reason: "unsupported-encoding", encoding: "zstd" });
  });

  it("reports a server that is not there", async () => {
    const gone = await serveLocally({});
    await gone.close();
    expect(await fetchPageInfo(`${gone.origin}/`, localOptions())).toMatchObject({ kind: "failed", reason: "network-error", code: "ECONNREFUSED" });
  });
});
