import { describe, expect, it } from "vitest";
// The composition root imports every feature, so every button definition is registered once this has loaded.
import "../../src/bot/create-bot.js";
import { callbackData, int, MAX_CALLBACK_BYTES, oneOf, optional, registeredCallbackData, text } from "../../src/telegram/callback-data.js";

const bytes = (data: string) => Buffer.byteLength(data, "utf8");

describe("callback data registry", () => {
  const all = registeredCallbackData();

  it("holds every kind of button the bot sends, with the wire prefixes of the buttons already sent", () => {
    expect(all.map((d) => d.prefix).sort()).toEqual([
      "dg",
      "dgs",
      "dy",
      "imp",
      "lang",
      "lk",
      "lkn",
      "lkt",
      "nmt",
      "nmv",
      "npk",
      "nt",
      "nu",
      "q",
      "rd",
      "retag",
      "run",
      "tag",
      "tg",
      "tz",
      "ur",
      "v",
    ]);
  });

  it("gives every kind its own prefix, and no kind's data is matched by another kind's pattern", () => {
    const prefixes = all.map((d) => d.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const a of all) {
      for (const b of all) if (a !== b) expect(b.pattern.test(a.pack(a.widest)), `${b.prefix} matches ${a.prefix}`).toBe(false);
    }
  });

  it("fits every button in Telegram's 64 bytes with every field at its longest, and reads back what it wrote", () => {
    for (const d of all) {
      const data = d.pack(d.widest);
      expect(bytes(data), data).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(d.pattern.test(data)).toBe(true);
      expect(d.unpack(data)).toEqual(d.widest);
    }
  });

  it("reads forged or foreign data as null", () => {
    const forged = [
      "",
      ":",
      "x",
      "lk",
      "lk:",
      "lk:x:1",
      "lk:r:-1",
      "lk:r:1e3",
      `lk:r:${"9".repeat(16)}`,
      "lk:r:1:2",
      "dg:r:1 ",
      " dg:r:1",
      "dgs:maybe",
      "v:1",
      "v:1:1234567",
      "rd:1:2",
      "nu:",
      "nmv:1:2:3",
      "retag:",
      "retag:-1",
      "q::d",
      "q:1:abc",
      "imp:x:1",
      "imp:y:1234567890123456",
      "dg:r:1\n",
      "tz:",
      "tz:/etc/passwd",
      "tz:Europe/Berlin x",
      `tz:${"A".repeat(41)}`,
    ];
    for (const data of forged) for (const d of all) if (d.prefix !== "tag") expect(d.unpack(data), `${d.prefix} took ${JSON.stringify(data)}`).toBeNull();
  });
});

describe("callbackData", () => {
  it("writes prefix:field:field, leaves out a missing last field, and types what it reads", () => {
    const button = callbackData("zzt", { action: oneOf("go", "stop"), id: int(4), page: optional(int(2)) });
    expect(button.pack({ action: "go", id: 12, page: undefined })).toBe("zzt:go:12");
    expect(button.pack({ action: "stop", id: 9999, page: 7 })).toBe("zzt:stop:9999:7");
    expect(button.unpack("zzt:stop:9999:7")).toEqual({ action: "stop", id: 9999, page: 7 });
    expect(button.unpack("zzt:go:12")).toEqual({ action: "go", id: 12, page: undefined });
    expect(button.pattern.source).toBe("^zzt:((?:go|stop)):(\\d{1,4})(?::(\\d{1,2}))?$");
  });

  it("refuses to build a button no handler could match or Telegram would refuse", () => {
    const button = callbackData("zzu", { id: int(3), word: text("[a-z]*", "") });
    expect(() => button.pack({ id: 1000, word: "a" })).toThrow(/does not fit/);
    expect(() => button.pack({ id: -1, word: "a" })).toThrow(/does not fit/);
    expect(() => button.pack({ id: 1, word: "a".repeat(60) })).toThrow(/over 64 bytes/);
    // What a button with free text uses to leave the button out instead.
    expect(button.tryPack({ id: 1, word: "a".repeat(60) })).toBeNull();
    expect(button.tryPack({ id: 1000, word: "a" })).toBeNull();
    expect(button.tryPack({ id: 1, word: "a" })).toBe("zzu:1:a");
  });

  it("refuses a prefix defined twice, a prefix with a colon, and an optional field before a required one", () => {
    callbackData("zzv", { id: int(1) });
    expect(() => callbackData("zzv", { id: int(1) })).toThrow(/twice/);
    expect(() => callbackData("z:z", { id: int(1) })).toThrow(/letters only/);
    expect(() => callbackData("zzw", { page: optional(int(1)), id: int(1) })).toThrow(/last/);
  });
});
