import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The Mini App's initData, checked as Telegram documents it (core.telegram.org/bots/webapps, "Validating data
 * received via the Mini App"): the data-check-string is every field but `hash`, sorted by key, as `key=value`
 * lines; the key is HMAC-SHA256 of the bot token keyed with "WebAppData"; the hash is the hex HMAC-SHA256 of the
 * data-check-string with that key. Small enough to own: no library, and Telegram's published example in the tests.
 */

export interface InitDataUser {
  id: number;
  first_name: string;
  language_code?: string;
}

export type InitDataCheck = { ok: true; user: InitDataUser; authDate: number } | { ok: false; reason: "missing" | "invalid" | "expired" };

/** Telegram's clock and ours may differ a little; a date further ahead than this was not made by Telegram. */
const FUTURE_SKEW_SECONDS = 300;

function secretKey(botToken: string): Buffer {
  return createHmac("sha256", "WebAppData").update(botToken).digest();
}

function hashOf(botToken: string, fields: readonly (readonly [string, string])[]): string {
  const checkString = [...fields]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  return createHmac("sha256", secretKey(botToken)).update(checkString).digest("hex");
}

/** initData as Telegram would send it for these fields: the test bot's and the playground's sign-in. */
export function signInitData(botToken: string, fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  const params = new URLSearchParams(entries);
  params.set("hash", hashOf(botToken, entries));
  return params.toString();
}

function sameHash(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(given, "hex");
  // Equal lengths first: timingSafeEqual throws otherwise. The length of a hash is no secret.
  return /^[0-9a-f]{64}$/.test(given) && a.length === b.length && timingSafeEqual(a, b);
}

function parseUser(text: string | undefined): InitDataUser | undefined {
  if (text === undefined) return undefined;
  try {
    const user = JSON.parse(text) as Partial<InitDataUser>;
    return Number.isSafeInteger(user.id) && user.id! > 0 ? { ...user, id: user.id!, first_name: String(user.first_name ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

/** Checks initData at `now` (epoch ms); the user and auth date it vouches for, or why it does not. */
export function validateInitData(raw: string | undefined, botToken: string, now: number, maxAgeSeconds = 86_400): InitDataCheck {
  if (!raw) return { ok: false, reason: "missing" };
  const fields = [...new URLSearchParams(raw)];
  const keys = fields.map(([key]) => key);
  // A key given twice could be read one way here and another elsewhere: Telegram never sends one.
  if (new Set(keys).size !== keys.length) return { ok: false, reason: "invalid" };
  const hash = fields.find(([key]) => key === "hash")?.[1];
  const signed = fields.filter(([key]) => key !== "hash");
  if (hash === undefined || !sameHash(hashOf(botToken, signed), hash)) return { ok: false, reason: "invalid" };
  const values = new Map(signed);
  const authDate = Number(values.get("auth_date"));
  const user = parseUser(values.get("user"));
  if (!Number.isSafeInteger(authDate) || !user) return { ok: false, reason: "invalid" };
  const nowSeconds = Math.floor(now / 1000);
  if (authDate > nowSeconds + FUTURE_SKEW_SECONDS) return { ok: false, reason: "invalid" };
  if (nowSeconds - authDate > maxAgeSeconds) return { ok: false, reason: "expired" };
  return { ok: true, user, authDate };
}
