import type { DB } from "../db/connection.js";
import type { User } from "../db/schema.js";
import { DEFAULT_DIGEST_MINUTE, nextDueAt } from "../digest/schedule.js";

export interface TelegramUserInfo {
  id: number;
  first_name: string;
  language_code?: string | undefined;
}

/** UTC is the fallback when nobody set DEFAULT_TIMEZONE; any other default was chosen by whoever runs the bot. */
const chosenByDefault = (zone: string) => zone !== "UTC";

/**
 * Creates the user on first contact, with the daily digest on at its default time but waiting for the user to choose
 * a time zone, and keeps name and language current; time zone and digest settings are set only on creation. Runs on every update, so a
 * known user with unchanged details costs one indexed read and no write.
 */
export async function upsertUser(db: DB, from: TelegramUserInfo, defaultTimeZone: string, now: number): Promise<User> {
  const known = await findUser(db, from.id);
  const languageCode = from.language_code ?? null;
  if (known && known.first_name === from.first_name && known.language_code === languageCode) return known;
  return await db
    .insertInto("users")
    .values({
      id: from.id,
      first_name: from.first_name,
      language_code: languageCode,
      time_zone: defaultTimeZone,
      created_at: now,
      time_zone_chosen: chosenByDefault(defaultTimeZone) ? 1 : 0,
      digest_next_at: known ? known.digest_next_at : nextDueAt(now, DEFAULT_DIGEST_MINUTE, defaultTimeZone, null),
    })
    .onConflict((oc) => oc.column("id").doUpdateSet((eb) => ({ first_name: eb.ref("excluded.first_name"), language_code: eb.ref("excluded.language_code") })))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUser(db: DB, id: number): Promise<User | undefined> {
  return await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The user chose this zone (a typed name, a button, a location): from now on the digest may come. */
export async function setTimeZone(db: DB, userId: number, timeZone: string): Promise<void> {
  await db.updateTable("users").set({ time_zone: timeZone, time_zone_chosen: 1 }).where("id", "=", userId).execute();
}

/** 'en' or 'zh' as chosen with /language; null goes back to the language of the user's Telegram app. */
export async function setLanguage(db: DB, userId: number, language: string | null): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", userId).execute();
}
