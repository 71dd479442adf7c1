import { describe, expect, it } from "vitest";
import { createI18n, localeFor, translatorFor } from "../../src/telegram/i18n.js";

describe("the language the bot answers in", () => {
  it("is Simplified Chinese for every Chinese language_code Telegram sends, in any case", () => {
    for (const code of ["zh", "zh-hans", "zh-Hans", "zh-CN", "zh-cn", "zh-sg", "zh_CN", "ZH"]) expect(localeFor(code), code).toBe("zh");
  });

  it("is Simplified Chinese for traditional Chinese too, until there is a traditional translation", () => {
    for (const code of ["zh-hant", "zh-TW", "zh-tw", "zh-hk", "zh-HK", "zh-mo"]) expect(localeFor(code), code).toBe("zh");
  });

  it("is English for English, for any language without its files, and when Telegram sends none", () => {
    for (const code of ["en", "en-US", "en-gb", "de", "de-DE", "ja", "pt-br", "", "  ", "zhx", "x-zh"]) expect(localeFor(code), code).toBe("en");
    expect(localeFor(undefined)).toBe("en");
    expect(localeFor(null)).toBe("en");
  });

  it("follows an explicit choice (a stored /language) over the app's language, when the choice is a language it has", () => {
    expect(localeFor("en-US", "zh")).toBe("zh");
    expect(localeFor("zh-hans", "en")).toBe("en");
    expect(localeFor("zh-hans", null)).toBe("zh");
    expect(localeFor("zh-hans", "de")).toBe("zh");
    expect(localeFor(undefined, "zh-Hans")).toBe("zh");
  });

  it("is the same for background jobs, which translate from the stored user's language_code and /language choice", () => {
    const i18n = createI18n();
    const skip = (language_code: string | null, language: string | null = null) => translatorFor(i18n, { language_code, language })("tag-skip");
    expect(skip("zh-TW")).toBe("跳过");
    expect(skip("zh-hans")).toBe("跳过");
    expect(skip("en-US")).toBe("Skip");
    expect(skip("de")).toBe("Skip");
    expect(skip(null)).toBe("Skip");
    expect(skip("en", "zh")).toBe("跳过");
    expect(skip("zh-hans", "en")).toBe("Skip");
    expect(translatorFor(i18n, undefined)("tag-skip")).toBe("Skip");
  });
});
