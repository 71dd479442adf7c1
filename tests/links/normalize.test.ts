import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeUrl } from "../../src/links/normalize.js";

function keyOf(raw: string): string | undefined {
  return normalizeUrl(raw)?.key;
}

describe("normalizeUrl: key", () => {
  it.each([
    ["lower-cases scheme and host", "HTTPS://Example.ORG/Path", "https://example.org/Path"],
    ["uses https for http", "http://example.org/a", "https://example.org/a"],
    ["drops :443 on https", "https://example.org:443/a", "https://example.org/a"],
    ["drops :80 on http", "http://example.org:80/a", "https://example.org/a"],
    ["keeps IDN hosts as punycode", "https://münchen.de/", "https://xn--mnchen-3ya.de/"],
    ["drops a plain fragment", "https://example.org/a#section-2", "https://example.org/a"],
    ["keeps a #/ hash route", "https://app.example.org/#/inbox/3", "https://app.example.org/#/inbox/3"],
    ["keeps a #! hash route", "https://example.org/#!/page", "https://example.org/#!/page"],
    ["drops every utm_*", "https://example.org/a?utm_source=tg&utm_medium=x&utm_whatever=1", "https://example.org/a"],
    ["drops fbclid", "https://example.org/a?fbclid=IwAR0", "https://example.org/a"],
    ["drops gclid", "https://example.org/a?gclid=Cj0", "https://example.org/a"],
    ["drops mc_cid and mc_eid", "https://example.org/a?mc_cid=1&mc_eid=2", "https://example.org/a"],
    ["drops igshid", "https://instagram.com/p/Cx1?igshid=MzRl", "https://instagram.com/p/Cx1"],
    ["drops ref_src", "https://twitter.com/a/status/1?ref_src=twsrc", "https://twitter.com/a/status/1"],
    ["drops si on youtube.com", "https://www.youtube.com/watch?v=dQw4&si=abc", "https://youtube.com/watch?v=dQw4"],
    ["drops si on music.youtube.com", "https://music.youtube.com/watch?v=X1&si=abc", "https://music.youtube.com/watch?v=X1"],
    ["keeps si elsewhere", "https://example.org/a?si=3", "https://example.org/a?si=3"],
    ["keeps other params while dropping trackers", "https://example.org/a?id=3&utm_source=x", "https://example.org/a?id=3"],
    ["sorts params by name", "https://example.org/a?b=1&a=2", "https://example.org/a?a=2&b=1"],
    ["keeps the order of repeated names", "https://example.org/a?tag=z&a=1&tag=y", "https://example.org/a?a=1&tag=z&tag=y"],
    ["keeps a value-less param as given", "https://example.org/a?flag&b=1", "https://example.org/a?b=1&flag"],
    ["drops an empty query", "https://example.org/a?", "https://example.org/a"],
    ["maps youtu.be to youtube.com/watch", "https://youtu.be/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ"],
    ["maps youtu.be with its query", "https://youtu.be/dQw4w9WgXcQ?t=42&si=abc", "https://youtube.com/watch?t=42&v=dQw4w9WgXcQ"],
    ["removes m.", "https://m.youtube.com/watch?v=1", "https://youtube.com/watch?v=1"],
    ["removes mobile.", "https://mobile.twitter.com/jack", "https://twitter.com/jack"],
    ["removes www.", "https://www.example.org/", "https://example.org/"],
    ["removes a mobile label after the language", "https://en.m.wikipedia.org/wiki/Process", "https://en.wikipedia.org/wiki/Process"],
    ["keeps the last two labels", "https://www.m.com/", "https://m.com/"],
    ["removes a trailing slash", "https://example.org/blog/post/", "https://example.org/blog/post"],
    ["removes repeated trailing slashes", "https://example.org/blog//", "https://example.org/blog"],
    ["gives the root path as /", "https://example.org", "https://example.org/"],
    ["percent-encodes a unicode path", "https://zh.wikipedia.org/wiki/进程", "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B"],
    ["does not decode reserved characters", "https://example.org/a%2Fb?q=a%26b", "https://example.org/a%2Fb?q=a%26b"],
    ["adds https to a scheme-less input", "example.org/x", "https://example.org/x"],
    ["adds https to a bare www host", "www.example.org", "https://example.org/"],
    ["keeps a non-default port of a scheme-less input", "example.org:8080/x", "https://example.org:8080/x"],
  ])("%s", (_rule, raw, key) => {
    expect(keyOf(raw)).toBe(key);
  });

  it.each([
    ["http and https", "http://example.org/a", "https://example.org/a"],
    ["host case", "https://EXAMPLE.org/a", "https://example.org/a"],
    ["default port", "https://example.org:443/a", "https://example.org/a"],
    ["plain fragments", "https://example.org/a#one", "https://example.org/a#two"],
    ["tracking params", "https://example.org/a?utm_campaign=x&fbclid=y", "https://example.org/a"],
    ["param order", "https://example.org/a?b=1&a=2", "https://example.org/a?a=2&b=1"],
    ["youtu.be and youtube.com", "https://youtu.be/abc?t=1", "https://www.youtube.com/watch?t=1&v=abc"],
    ["m.youtube.com and youtube.com", "https://m.youtube.com/watch?v=abc&si=x", "https://youtube.com/watch?v=abc"],
    ["mobile.twitter.com and twitter.com", "https://mobile.twitter.com/jack", "https://twitter.com/jack"],
    ["m.wikipedia.org and wikipedia.org", "https://m.wikipedia.org/", "https://www.wikipedia.org/"],
    ["trailing slash", "https://example.org/blog/post/", "https://example.org/blog/post"],
    ["unicode and percent-encoded path", "https://zh.wikipedia.org/wiki/进程", "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B"],
  ])("one key despite %s", (_what, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ["path case", "https://example.org/Foo", "https://example.org/foo"],
    ["meaningful params", "https://example.org/item?id=3", "https://example.org/item?id=4"],
    ["si outside YouTube", "https://example.org/a?si=1", "https://example.org/a"],
    ["non-default ports", "https://example.org:8443/a", "https://example.org/a"],
    ["hash routes", "https://app.example.org/#/route", "https://app.example.org/#/other"],
    ["hash route and no fragment", "https://app.example.org/#/route", "https://app.example.org/"],
    ["other subdomains", "https://blog.x.com/", "https://x.com/"],
    ["different youtube videos", "https://youtu.be/abc", "https://youtu.be/abd"],
  ])("separate keys for %s", (_what, a, b) => {
    expect(keyOf(a)).not.toBeUndefined();
    expect(keyOf(b)).not.toBeUndefined();
    expect(keyOf(a)).not.toBe(keyOf(b));
  });
});

describe("normalizeUrl: display", () => {
  it.each([
    ["removes tracking params and keeps the rest in order", "https://example.org/a?b=1&utm_source=x&a=2", "https://example.org/a?b=1&a=2"],
    ["keeps the fragment", "https://example.org/a#section", "https://example.org/a#section"],
    ["keeps www, the trailing slash and http", "http://www.example.org/blog/", "http://www.example.org/blog/"],
    ["adds https to a scheme-less input", "example.org/x", "https://example.org/x"],
    ["keeps youtu.be but drops its si", "https://youtu.be/abc?si=zz&t=5", "https://youtu.be/abc?t=5"],
    ["keeps si outside YouTube", "https://example.org/?si=3", "https://example.org/?si=3"],
    ["lower-cases the host", "https://Example.ORG/Path", "https://example.org/Path"],
  ])("%s", (_rule, raw, display) => {
    expect(normalizeUrl(raw)?.display).toBe(display);
  });
});

describe("normalizeUrl: rejects", () => {
  it.each([
    ["ftp", "ftp://example.org/file"],
    ["javascript", "javascript:alert(1)"],
    ["mailto", "mailto:someone@example.org"],
    ["tg", "tg://resolve?domain=durov"],
    ["no host", "https://"],
    ["only slashes", "http:///"],
    ["spaces", "https://example.org/a b"],
    ["a leading space", " https://example.org/"],
    ["a sentence", "not a url"],
    ["a single word", "hello"],
    ["an empty string", ""],
    ["garbage", "::::"],
    ["an invalid host", "https://exa%mple.org/"],
  ])("%s", (_what, raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe("normalizeUrl: properties", () => {
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "binary" }),
          fc.webUrl().map((url) => url + "\u0000"),
        ),
        (raw) => {
          normalizeUrl(raw);
        },
      ),
      { numRuns: 2000 },
    );
  });

  const mirror = fc.constantFrom("", "www.", "m.", "mobile.", "en.m.");
  const trackers = fc.array(fc.constantFrom("utm_source=tg", "fbclid=x", "si=abc", "gclid=1", "id=7", "b=2", "a=1"), { maxLength: 4 });
  const crafted = fc
    .tuple(
      fc.constantFrom("http://", "https://", ""),
      mirror,
      fc.constantFrom("example.org", "youtube.com", "youtu.be", "zh.wikipedia.org", "münchen.de"),
      fc.constantFrom("", ":80", ":443", ":8080"),
      fc.constantFrom("", "/", "/abc", "/abc/", "/Foo//", "/wiki/进程", "/a%2Fb/"),
      trackers,
      fc.constantFrom("", "#frag", "#/route", "#!x", "#"),
    )
    .map(([scheme, prefix, host, port, path, params, hash]) => {
      const query = params.length > 0 ? `?${params.join("&")}` : "";
      return `${scheme}${prefix}${host}${port}${path}${query}${hash}`;
    });
  const urls = fc.oneof(crafted, fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true }));

  it("accepts valid web URLs, and their key is idempotent", () => {
    fc.assert(
      fc.property(urls, (raw) => {
        const normalized = normalizeUrl(raw);
        expect(normalized).not.toBeNull();
        const key = normalized?.key ?? "";
        expect(normalizeUrl(key)?.key).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the display URL the same key as the original", () => {
    fc.assert(
      fc.property(urls, (raw) => {
        const normalized = normalizeUrl(raw);
        expect(normalizeUrl(normalized?.display ?? "")?.key).toBe(normalized?.key);
      }),
      { numRuns: 2000 },
    );
  });
});
