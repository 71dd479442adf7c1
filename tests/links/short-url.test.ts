import { describe, expect, it } from "vitest";
import { shortUrl } from "../../src/links/short-url.js";
import { displayTitle } from "../../src/views/links.js";

describe("how an untitled link is named", () => {
  it.each([
    ["https://medium.com/@someone/the-secret-behind-elixir-processes-3f2a9c", "medium.com › the-secret-behind-elixir-processes-3f2a…"],
    ["https://www.example.org/", "example.org"],
    ["https://example.org", "example.org"],
    ["https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B", "zh.wikipedia.org › 进程"],
    ["https://example.org/a/b/?q=1#frag", "example.org › b"],
    ["https://example.org/100%", "example.org › 100%"],
    ["not a url", "not a url"],
  ])("%s → %s", (url, name) => {
    expect(shortUrl(url)).toBe(name);
  });

  it("prefers any title, whoever gave it", () => {
    expect(displayTitle({ url: "https://example.org/x", title: "Page" })).toBe("Page");
    expect(displayTitle({ url: "https://example.org/x", title: null })).toBe("example.org › x");
  });
});
