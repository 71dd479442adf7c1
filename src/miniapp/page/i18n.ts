import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

type Locale = "en" | "zh";

/**
 * locales/{en,zh}/mini-app.ftl, put into the bundle by scripts/build-mini-app.ts. The server sends the signed-in
 * user's file with the session, and that is what the page speaks once signed in; these copies are for the moments
 * before, when there is no session to send it: loading, and a refused initData, which must still be told in words.
 */
declare const BUILT_IN_MESSAGES: Record<Locale, string>;

export interface I18n {
  locale: Locale;
  t(id: string, args?: Record<string, FluentVariable>): string;
  /** A moment as a date and time, in the user's time zone. */
  dateTime(ms: number): string;
  /** A local day (YYYY-MM-DD) as the list's heading: Today, Yesterday, "Mon 30 Nov". */
  day(day: string): string;
}

/** Telegram's language_code (as in the initData's user) to a locale of the page; every Chinese tag reads zh. */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function builtInI18n(locale: Locale): I18n {
  return createI18n(locale, BUILT_IN_MESSAGES[locale], Intl.DateTimeFormat().resolvedOptions().timeZone, null);
}

export function createI18n(locale: Locale, source: string, timeZone: string, today: string | null): I18n {
  // Placeables unwrapped: isolation marks would show up in copied text.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  bundle.addResource(new FluentResource(source));
  // The user's own variant of the language (en-GB writes "Mon 30 Nov", en-US "Mon, Nov 30"), when it is one.
  const intlLocale = navigator.languages.find((tag) => tag.toLowerCase().startsWith(locale)) ?? (locale === "zh" ? "zh-CN" : "en-GB");
  const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short", timeZone });
  // A local day is a calendar date, not a moment: formatted at midnight UTC in UTC so that no zone moves it.
  const dayThisYear = new Intl.DateTimeFormat(intlLocale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  const dayOtherYear = new Intl.DateTimeFormat(intlLocale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  const t = (id: string, args?: Record<string, FluentVariable>): string => {
    const message = bundle.getMessage(id);
    return message?.value ? bundle.formatPattern(message.value, args) : id;
  };
  return {
    locale,
    t,
    dateTime: (ms) => dateTime.format(ms),
    day(day) {
      if (today !== null && day === today) return t("app-day-today");
      if (today !== null && day === shiftDay(today, -1)) return t("app-day-yesterday");
      const date = Date.parse(`${day}T00:00:00Z`);
      return (today?.slice(0, 4) === day.slice(0, 4) ? dayThisYear : dayOtherYear).format(date);
    },
  };
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
