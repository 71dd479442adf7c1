import { EXEMPLAR_CITIES } from "./cldr-zone-cities.js";

/** Zones most people writing in a language live in, first-contact buttons rather than a list of hundreds. */
const LIKELY_ZONES: Record<string, readonly string[]> = {
  zh: ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore"],
  en: ["Europe/London", "America/New_York", "America/Los_Angeles", "Europe/Berlin"],
};

/** The zones to offer a user of this locale: the bot's configured default first when it is a real choice (not UTC). */
export function likelyZones(locale: string, defaultZone: string): string[] {
  const zones = LIKELY_ZONES[locale] ?? LIKELY_ZONES.en!;
  return defaultZone === "UTC" || zones.includes(defaultZone) ? [...zones] : [defaultZone, ...zones.slice(0, -1)];
}

/** "GMT+8", "GMT-4:30", "GMT" for a zone at this instant. */
export function utcOffsetLabel(zone: string, at: number): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? "GMT";
}

/** The city people know a zone by, in CLDR's words for the locale: "Los Angeles", "洛杉矶". */
export function zoneCity(zone: string, locale: string): string {
  const names = EXEMPLAR_CITIES[zone];
  if (!names) return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
  return locale === "zh" ? names[1] : names[0];
}
