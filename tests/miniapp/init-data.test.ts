import { describe, expect, it } from "vitest";
import { signInitData, validateInitData } from "../../src/miniapp/init-data.js";

// initData that Telegram signed for a bot token, published with both as the test example of
// @telegram-apps/init-data-node (Telegram-Mini-Apps/telegram-apps, packages/init-data-node) and of init-data-golang
// (validate_test.go): an example made by Telegram itself, not by this code.
const PUBLISHED = {
  token: "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8",
  initData:
    "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%7D&auth_date=1662771648&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2",
  authDate: 1662771648,
};

const TOKEN = "123456:TEST-token_for_the_mini_app";
const NOW = Date.UTC(2026, 11, 3, 12);
const nowSeconds = NOW / 1000;
const user = JSON.stringify({ id: 42, first_name: "Ada", language_code: "zh-hans" });
const signed = (fields: Record<string, string> = {}) => signInitData(TOKEN, { query_id: "Q1", user, auth_date: String(nowSeconds - 60), ...fields });

describe("validateInitData", () => {
  it("accepts Telegram's published example, with the user it names", () => {
    const check = validateInitData(PUBLISHED.initData, PUBLISHED.token, (PUBLISHED.authDate + 10) * 1000);
    expect(check).toMatchObject({ ok: true, authDate: PUBLISHED.authDate, user: { id: 279058397, first_name: "Vladislav", language_code: "ru" } });
  });

  it("refuses the published example under another token, or once a day has passed", () => {
    expect(validateInitData(PUBLISHED.initData, TOKEN, PUBLISHED.authDate * 1000)).toEqual({ ok: false, reason: "invalid" });
    expect(validateInitData(PUBLISHED.initData, PUBLISHED.token, (PUBLISHED.authDate + 86_401) * 1000)).toEqual({ ok: false, reason: "expired" });
  });

  it("accepts what signInitData signs, fields like signature included in the check", () => {
    expect(validateInitData(signed({ signature: "abc_-" }), TOKEN, NOW)).toMatchObject({ ok: true, user: { id: 42, first_name: "Ada" } });
  });

  it("says missing for no initData at all", () => {
    expect(validateInitData(undefined, TOKEN, NOW)).toEqual({ ok: false, reason: "missing" });
    expect(validateInitData("", TOKEN, NOW)).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a forged hash, a tampered field, a missing hash and a malformed one", () => {
    const good = new URLSearchParams(signed());
    const forged = new URLSearchParams(good);
    forged.set("hash", "0".repeat(64));
    const tampered = new URLSearchParams(good);
    tampered.set("user", JSON.stringify({ id: 43, first_name: "Ada" }));
    const unsigned = new URLSearchParams(good);
    unsigned.delete("hash");
    const short = new URLSearchParams(good);
    short.set("hash", good.get("hash")!.slice(0, 10));
    for (const params of [forged, tampered, unsigned, short]) {
      expect(validateInitData(params.toString(), TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("refuses a key given twice, even when one of the two is what was signed", () => {
    expect(validateInitData(`${signed()}&user=${encodeURIComponent(JSON.stringify({ id: 1 }))}`, TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(validateInitData(`${signed()}&hash=${"0".repeat(64)}`, TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an old auth_date as expired, a future one as invalid, and honours maxAgeSeconds", () => {
    expect(validateInitData(signed({ auth_date: String(nowSeconds - 86_401) }), TOKEN, NOW)).toEqual({ ok: false, reason: "expired" });
    expect(validateInitData(signed({ auth_date: String(nowSeconds - 86_400) }), TOKEN, NOW).ok).toBe(true);
    expect(validateInitData(signed({ auth_date: String(nowSeconds + 3600) }), TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(validateInitData(signed({ auth_date: String(nowSeconds - 120) }), TOKEN, NOW, 60)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses signed data without a user or a numeric auth_date", () => {
    expect(validateInitData(signInitData(TOKEN, { auth_date: String(nowSeconds) }), TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(validateInitData(signInitData(TOKEN, { user, auth_date: "soon" }), TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(validateInitData(signInitData(TOKEN, { user: "{", auth_date: String(nowSeconds) }), TOKEN, NOW)).toEqual({ ok: false, reason: "invalid" });
  });
});
