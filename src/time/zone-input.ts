/**
 * Time zones as people type them, in English and Chinese: an IANA name in any case, an offset (`UTC+8`, `+05:30`,
 * `东八区`), a city (`Beijing`, `东京`) or a country (`Germany`, `美国`). Every name comes from maintained data:
 * - IANA names from ICU (`Intl.supportedValuesOf`) and from `countries-and-timezones`, which also tells renamed ids
 *   (Asia/Calcutta → Asia/Kolkata) and each zone's standard and summer offsets;
 * - exemplar cities of every zone in English, 简体 and 繁體 from Unicode CLDR (./cldr-zone-cities.ts);
 * - country names from ICU (`Intl.DisplayNames`) and each country's zones from ICU's territory data;
 * - some 7,300 more cities with their population from `city-timezones`: big cities that are not a zone's exemplar
 *   (Beijing, San Francisco, Mumbai), how to order a country's zones, and which of two same-named cities is meant.
 * Only what no dataset has is written here by hand (ALIASES). The data is read and indexed on the first lookup that
 * needs it, not at start-up: names and offsets first, cities on the first name that is not an IANA id or an offset.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as CountriesAndTimezones from "countries-and-timezones";
import { EXEMPLAR_CITIES } from "./cldr-zone-cities.js";
import { chineseNumber, foldInput } from "./input-text.js";

export type ZoneAnswer = { zone: string } | { choices: string[] } | null;

/** How many zones a `{ choices }` answer offers at most: one row of buttons each. */
export const MAX_CHOICES = 6;
/** A country is one zone when its most populated group of zones holds this share of its population. */
const COUNTRY_SHARE = 0.9;
/** Of two same-named cities in different zones, the bigger one is meant when it is this many times bigger. */
const CITY_DOMINANCE = 5;

/**
 * Names no dataset above has: abbreviations people use, and Chinese names of cities that are not the exemplar of
 * their zone (CLDR calls Asia/Shanghai 上海, so 北京 is nowhere; San Francisco is no zone's exemplar).
 */
const ALIASES: Readonly<Record<string, string>> = {
  sf: "America/Los_Angeles",
  la: "America/Los_Angeles",
  nyc: "America/New_York",
  北京: "Asia/Shanghai",
  旧金山: "America/Los_Angeles",
  舊金山: "America/Los_Angeles",
};

/** UTC and the IANA ids that only repeat it (GMT0, Etc/Zulu), lower case; all of them are answered as "UTC". */
const UTC_NAMES = new Set(["utc", "gmt", "z", "zulu", "uct", "universal", "greenwich", "gmt0", "gmt+0", "gmt-0"].flatMap((name) => [name, `etc/${name}`]));

const require = createRequire(import.meta.url);
let tz: typeof CountriesAndTimezones | undefined;
function countriesAndTimezones(): typeof CountriesAndTimezones {
  // Required on first use: the package carries its data inline, and most start-ups never parse a zone.
  return (tz ??= require("countries-and-timezones") as typeof CountriesAndTimezones);
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A name as compared: case, accents, spaces and punctuation left out ("São Paulo" and "sao-paulo" are one key). */
function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The words around a zone that name no place: "Tokyo time", "北京时间", "UTC+8 时区". */
function withoutZoneWords(text: string): string {
  return text
    .replace(/\b(?:standard time|time ?zone|time|tz|zone)\b/gi, " ")
    .replace(/标准时间|標準時間|时区|時區|时间|時間/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A renamed id under its current name (Asia/Calcutta → Asia/Kolkata, Europe/Kiev → Europe/Kyiv). Ids that the IANA
 * database merged into a zone of another country keep their own name: Europe/Stockholm is not shown as Europe/Berlin.
 */
function currentName(zone: string): string {
  if (!zone.includes("/")) return zone;
  const data = countriesAndTimezones();
  const entry = data.getTimezone(zone);
  const target = entry?.aliasOf ? data.getTimezone(entry.aliasOf) : null;
  if (!entry || !target || !entry.deprecated || entry.countries[0] === undefined || entry.countries[0] !== target.countries[0]) return zone;
  return isZone(target.name) ? currentName(target.name) : zone;
}

let ianaByLowerCase: Map<string, string> | undefined;
/** Every id ICU or the IANA database knows, by its lower-case spelling. */
function ianaNames(): Map<string, string> {
  if (ianaByLowerCase) return ianaByLowerCase;
  // ICU's list last, so its spelling wins; the package's ids are checked against ICU only when one is matched.
  const all = [...Object.keys(countriesAndTimezones().getAllTimezones({ deprecated: true })), ...Intl.supportedValuesOf("timeZone")];
  ianaByLowerCase = new Map(all.map((zone) => [zone.toLowerCase(), zone]));
  return ianaByLowerCase;
}

function knownZone(lower: string): string | undefined {
  const zone = ianaNames().get(lower);
  return zone !== undefined && isZone(zone) ? zone : undefined;
}

/** The POSIX-style ids of the IANA database (EST, CET, PST8PDT): kept as typed, as they always were here. */
const POSIX_STYLE = /^(?:[CEMW]ET|EST|MST|HST|[ECMP]ST\d[ECMP]DT)$/;

/**
 * An IANA id typed in any case, spaces for underscores, under its current name. The old ids that name a country
 * (Japan, PRC, Hongkong) are left to the place names, which answer with the zone's real name (Asia/Tokyo).
 */
function ianaZone(text: string): string | null {
  const lower = text.toLowerCase().replace(/ /g, "_");
  if (UTC_NAMES.has(lower)) return "UTC";
  const zone = knownZone(lower);
  return zone !== undefined && (zone.includes("/") || POSIX_STYLE.test(zone)) ? currentName(zone) : null;
}

/** An old country-named id (PRC, ROK, W-SU, Eire) no place name matched, under the zone it links to. */
function legacyZone(text: string): string | null {
  const zone = knownZone(text.toLowerCase().replace(/ /g, "_"));
  if (zone === undefined || UTC_NAMES.has(zone.toLowerCase())) return null;
  const target = countriesAndTimezones().getTimezone(zone)?.aliasOf;
  return target && isZone(target) ? currentName(target) : zone;
}

/** Minutes east of UTC for "UTC+8", "GMT-5", "+08:00", "+0545", "UTC+5:30", "东八区", "西五区"; null if not an offset. */
function offsetMinutes(text: string): number | null {
  const compact = text.toLowerCase().replace(/ /g, "");
  const chinese = /^(?:utc|gmt)?([东東西])(.{1,3})[区區]$/.exec(compact);
  if (chinese) {
    const hours = chineseNumber(chinese[2]!);
    return Number.isNaN(hours) || hours > 12 ? null : (chinese[1] === "西" ? -1 : 1) * hours * 60;
  }
  const match = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(compact);
  if (!match) return null;
  const [hours, minutes] = [Number(match[2]), Number(match[3] ?? 0)];
  if (minutes >= 60) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** Etc/GMT-8 for UTC+8 (the Etc zones count the other way, as POSIX does); a fixed-offset city zone for +05:30. */
function zoneForOffset(minutes: number): string | null {
  if (minutes === 0) return "UTC";
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours >= -12 && hours <= 14 ? `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}` : null;
  }
  // No Etc zone has a part hour: the zone that keeps that offset all year, the most populated if several do.
  const fixed = Object.values(countriesAndTimezones().getAllTimezones())
    .filter((zone) => zone.utcOffset === minutes && zone.dstOffset === minutes && zone.aliasOf === null && isZone(zone.name))
    .map((zone) => zone.name);
  const population = places().populationByZone;
  return fixed.sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0) || a.localeCompare(b))[0] ?? null;
}

interface Places {
  /** Country names and codes (English, 简体, 繁體, ISO alpha-2 and alpha-3) → ISO alpha-2. */
  countries: Map<string, string>;
  /** CLDR exemplar cities and the city part of CLDR ids → zones. */
  exemplars: Map<string, Set<string>>;
  /** Cities of the city dataset → zone → population of the biggest city of that name in the zone. */
  cities: Map<string, Map<string, number>>;
  populationByZone: Map<string, number>;
  populationByCountryZone: Map<string, Map<string, number>>;
}

interface CityRow {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string;
  iso3: string;
  timezone: string | null;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function addPopulation(map: Map<string, number>, zone: string, population: number, keep: (a: number, b: number) => number): void {
  map.set(zone, keep(map.get(zone) ?? 0, population));
}

let placeIndex: Places | undefined;
function places(): Places {
  if (placeIndex) return placeIndex;
  const exemplars = new Map<string, Set<string>>();
  for (const [id, names] of Object.entries(EXEMPLAR_CITIES)) {
    const zone = currentName(id);
    for (const name of [...names, id.split("/").at(-1)!]) addTo(exemplars, nameKey(name), zone);
  }

  // Read as a file, not required: the 1.9 MB array is dropped once indexed instead of staying in require's cache.
  const rows = JSON.parse(readFileSync(require.resolve("city-timezones/data/cityMap.json"), "utf8")) as CityRow[];
  const cities = new Map<string, Map<string, number>>();
  const populationByZone = new Map<string, number>();
  const populationByCountryZone = new Map<string, Map<string, number>>();
  const alpha3 = new Map<string, string>();
  const zoneNames = new Map<string, string>();
  for (const row of rows) {
    if (!row.timezone || !row.iso2) continue;
    const zone = zoneNames.get(row.timezone) ?? currentName(row.timezone);
    zoneNames.set(row.timezone, zone);
    const population = Math.max(0, Math.round(row.pop));
    for (const name of new Set([nameKey(row.city), nameKey(row.city_ascii)])) {
      if (name === "") continue;
      const zones = cities.get(name) ?? new Map<string, number>();
      addPopulation(zones, zone, population, Math.max);
      cities.set(name, zones);
    }
    addPopulation(populationByZone, zone, population, (a, b) => a + b);
    const byZone = populationByCountryZone.get(row.iso2) ?? new Map<string, number>();
    addPopulation(byZone, zone, population, (a, b) => a + b);
    populationByCountryZone.set(row.iso2, byZone);
    if (row.iso3) alpha3.set(row.iso2, row.iso3);
  }

  const countries = new Map<string, string>();
  const displayNames = ["en", "zh", "zh-Hant"].flatMap((locale) =>
    (["long", "short"] as const).map((style) => new Intl.DisplayNames([locale], { type: "region", style, fallback: "none" })),
  );
  for (const country of Object.values(countriesAndTimezones().getAllCountries())) {
    const names = [country.name, country.id, alpha3.get(country.id), ...displayNames.map((names) => names.of(country.id))];
    for (const name of names) if (name) countries.set(nameKey(name), country.id);
  }
  placeIndex = { countries, exemplars, cities, populationByZone, populationByCountryZone };
  return placeIndex;
}

/** A country's zones as ICU lists them (Europe/Stockholm for Sweden, where the IANA database now links to Berlin). */
function territoryZones(country: string): string[] {
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
  const zones = locale.getTimeZones?.() ?? locale.timeZones ?? countriesAndTimezones().getCountry(country)?.timezones ?? [];
  return [...new Set(zones.map(currentName))];
}

/**
 * A country's zones, those that keep the same offsets merged into their most populated one (Germany's Busingen into
 * Berlin, Brazil's Fortaleza into São Paulo). One zone when its group holds nearly all the people (China, India,
 * Germany); otherwise the biggest groups, most populated first (USA, Russia, Australia).
 */
function countryZones(country: string): ZoneAnswer {
  const data = countriesAndTimezones();
  const population = places().populationByCountryZone.get(country) ?? new Map<string, number>();
  const groups = new Map<string, { zone: string; people: number; best: number }>();
  for (const zone of territoryZones(country)) {
    const entry = data.getTimezone(zone);
    const key = entry ? `${entry.utcOffset}/${entry.dstOffset}` : zone;
    const people = population.get(zone) ?? 0;
    const group = groups.get(key);
    if (!group) groups.set(key, { zone, people, best: people });
    else {
      group.people += people;
      if (people > group.best) Object.assign(group, { zone, best: people });
    }
  }
  const ranked = [...groups.values()].sort((a, b) => b.people - a.people);
  const total = ranked.reduce((sum, group) => sum + group.people, 0);
  if (ranked.length === 0) return null;
  if (ranked.length === 1 || (total > 0 && ranked[0]!.people >= COUNTRY_SHARE * total)) return { zone: ranked[0]!.zone };
  const peopled = total > 0 ? ranked.filter((group) => group.people > 0) : ranked;
  return { choices: peopled.slice(0, MAX_CHOICES).map((group) => group.zone) };
}

/** Zones of a city, biggest first; the biggest alone when it dwarfs the rest (London, England over London, Ontario). */
function cityZones(zones: Map<string, number>): ZoneAnswer {
  const ranked = [...zones].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 1 || ranked[0]![1] >= CITY_DOMINANCE * ranked[1]![1]) return { zone: ranked[0]![0] };
  return { choices: ranked.slice(0, MAX_CHOICES).map(([zone]) => zone) };
}

function byPopulation(zones: Iterable<string>): ZoneAnswer {
  const population = places().populationByZone;
  const sorted = [...zones].sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0) || a.localeCompare(b));
  return sorted.length === 1 ? { zone: sorted[0]! } : { choices: sorted.slice(0, MAX_CHOICES) };
}

function placeZone(text: string): ZoneAnswer {
  const key = nameKey(text);
  if (key === "") return null;
  const alias = ALIASES[key];
  if (alias) return { zone: alias };
  const index = places();
  const country = index.countries.get(key);
  if (country) return countryZones(country);
  const exemplar = index.exemplars.get(key);
  if (exemplar) return byPopulation(exemplar);
  const city = index.cities.get(key);
  if (city) return cityZones(city);
  const legacy = legacyZone(text);
  return legacy ? { zone: legacy } : null;
}

/**
 * The IANA zone a person means, the zones to choose from when a name covers several (`{ choices }`, most populated
 * first), or null. Whole-hour offsets give Etc/GMT±N zones (sign reversed, as the IANA database writes them),
 * part-hour ones the zone that keeps that offset all year (+05:30 → Asia/Kolkata), or null where none does.
 */
export function parseTimeZone(input: string): ZoneAnswer {
  const text = foldInput(input);
  if (text === "") return null;
  const iana = ianaZone(text);
  if (iana) return { zone: iana };
  const bare = withoutZoneWords(text);
  if (bare === "") return null;
  const named = bare === text ? null : ianaZone(bare);
  if (named) return { zone: named };
  const offset = offsetMinutes(bare);
  if (offset !== null) {
    const zone = zoneForOffset(offset);
    return zone ? { zone } : null;
  }
  return placeZone(bare);
}
