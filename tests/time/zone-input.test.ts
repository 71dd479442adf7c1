import { describe, expect, it } from "vitest";
import { MAX_CHOICES, parseTimeZone } from "../../src/time/zone-input.js";
import { isTimeZone } from "../../src/time/local-date.js";

const US = ["America/New_York", "America/Chicago", "America/Los_Angeles", "America/Denver", "America/Phoenix", "Pacific/Honolulu"];
const AUSTRALIA = ["Australia/Sydney", "Australia/Brisbane", "Australia/Perth", "Australia/Adelaide", "Australia/Darwin"];

const english: [string, string][] = [
  ["asia/shanghai", "Asia/Shanghai"],
  ["Europe/berlin", "Europe/Berlin"],
  ["AMERICA/NEW_YORK", "America/New_York"],
  ["america/new york", "America/New_York"],
  ["Asia/Kolkata", "Asia/Kolkata"],
  // Renamed ids come back under their current name; ids merged into another country's zone keep their own.
  ["Asia/Calcutta", "Asia/Kolkata"],
  ["europe/kiev", "Europe/Kyiv"],
  ["Europe/Stockholm", "Europe/Stockholm"],
  ["Etc/GMT-8", "Etc/GMT-8"],
  ["EST", "EST"],
  ["UTC", "UTC"],
  [" utc ", "UTC"],
  ["GMT", "UTC"],
  ["Z", "UTC"],
  ["UTC+0", "UTC"],
  ["UTC+8", "Etc/GMT-8"],
  ["UTC+08:00", "Etc/GMT-8"],
  ["+08:00", "Etc/GMT-8"],
  ["+8", "Etc/GMT-8"],
  ["utc +8", "Etc/GMT-8"],
  ["GMT + 8", "Etc/GMT-8"],
  ["GMT-5", "Etc/GMT+5"],
  ["UTC\u22125", "Etc/GMT+5"],
  ["UTC-12", "Etc/GMT+12"],
  ["UTC+14", "Etc/GMT-14"],
  ["UTC+5:30", "Asia/Kolkata"],
  ["+0530", "Asia/Kolkata"],
  ["UTC+0545", "Asia/Kathmandu"],
  ["+09:30", "Australia/Darwin"],
  ["UTC+8 time zone", "Etc/GMT-8"],
  ["Beijing", "Asia/Shanghai"],
  ["Beijing time", "Asia/Shanghai"],
  ["Shanghai", "Asia/Shanghai"],
  ["Tokyo", "Asia/Tokyo"],
  ["tokyo time", "Asia/Tokyo"],
  ["Berlin", "Europe/Berlin"],
  ["New York", "America/New_York"],
  ["NYC", "America/New_York"],
  ["SF", "America/Los_Angeles"],
  ["San Francisco", "America/Los_Angeles"],
  ["LA", "America/Los_Angeles"],
  ["London", "Europe/London"],
  ["Hong Kong", "Asia/Hong_Kong"],
  ["Taipei", "Asia/Taipei"],
  ["Singapore", "Asia/Singapore"],
  ["Germany", "Europe/Berlin"],
  ["Japan", "Asia/Tokyo"],
  ["China", "Asia/Shanghai"],
  ["India", "Asia/Kolkata"],
  ["UK", "Europe/London"],
  ["Sweden", "Europe/Stockholm"],
  ["Kolkata", "Asia/Kolkata"],
  ["Calcutta", "Asia/Kolkata"],
  ["Mumbai", "Asia/Kolkata"],
  ["São Paulo", "America/Sao_Paulo"],
  ["sao paulo", "America/Sao_Paulo"],
  ["Zurich", "Europe/Zurich"],
  ["Munich", "Europe/Berlin"],
  ["Portland", "America/Los_Angeles"],
  ["Paris", "Europe/Paris"],
  ["PRC", "Asia/Shanghai"],
  // Old IANA ids: the country-named ones and links read as the zone they stand for.
  ["US/Pacific", "America/Los_Angeles"],
  ["Hongkong", "Asia/Hong_Kong"],
  ["GMT0", "UTC"],
  ["South Korea", "Asia/Seoul"],
  ["Atlanta", "America/New_York"],
];

const chinese: [string, string][] = [
  ["北京", "Asia/Shanghai"],
  ["北京时间", "Asia/Shanghai"],
  ["北京 时间", "Asia/Shanghai"],
  ["上海", "Asia/Shanghai"],
  ["东京", "Asia/Tokyo"],
  ["東京", "Asia/Tokyo"],
  ["东京时间", "Asia/Tokyo"],
  ["柏林", "Europe/Berlin"],
  ["纽约", "America/New_York"],
  ["紐約", "America/New_York"],
  ["旧金山", "America/Los_Angeles"],
  ["舊金山", "America/Los_Angeles"],
  ["洛杉矶", "America/Los_Angeles"],
  ["伦敦", "Europe/London"],
  ["倫敦", "Europe/London"],
  ["香港", "Asia/Hong_Kong"],
  ["台北", "Asia/Taipei"],
  ["新加坡", "Asia/Singapore"],
  ["德国", "Europe/Berlin"],
  ["德國", "Europe/Berlin"],
  ["日本", "Asia/Tokyo"],
  ["中国", "Asia/Shanghai"],
  ["中國", "Asia/Shanghai"],
  ["中国时间", "Asia/Shanghai"],
  ["印度", "Asia/Kolkata"],
  ["英国", "Europe/London"],
  ["法国", "Europe/Paris"],
  ["巴黎", "Europe/Paris"],
  ["莫斯科", "Europe/Moscow"],
  ["悉尼", "Australia/Sydney"],
  ["首尔", "Asia/Seoul"],
  ["韩国", "Asia/Seoul"],
  ["曼谷", "Asia/Bangkok"],
  ["迪拜", "Asia/Dubai"],
  ["加尔各答", "Asia/Kolkata"],
  ["温哥华", "America/Vancouver"],
  ["台湾", "Asia/Taipei"],
  ["东八区", "Etc/GMT-8"],
  ["東八區", "Etc/GMT-8"],
  ["东8区", "Etc/GMT-8"],
  ["西五区", "Etc/GMT+5"],
  ["东十二区", "Etc/GMT-12"],
  ["ＵＴＣ＋８", "Etc/GMT-8"],
  ["ＧＭＴ－５", "Etc/GMT+5"],
  ["＋０８：００", "Etc/GMT-8"],
  ["UTC+8时区", "Etc/GMT-8"],
  ["UTC＋５：３０", "Asia/Kolkata"],
  ["Ｔｏｋｙｏ", "Asia/Tokyo"],
  ["上海时区", "Asia/Shanghai"],
];

describe("time zones as people type them", () => {
  it.each(english)("reads %j (English) as %s", (input, zone) => {
    expect(parseTimeZone(input)).toEqual({ zone });
  });

  it.each(chinese)("reads %j (Chinese) as %s", (input, zone) => {
    expect(parseTimeZone(input)).toEqual({ zone });
  });

  it("has at least 40 inputs in each language, and every answer is a zone this Node knows", () => {
    expect(english.length).toBeGreaterThanOrEqual(40);
    expect(chinese.length).toBeGreaterThanOrEqual(40);
    for (const [, zone] of [...english, ...chinese]) expect(isTimeZone(zone), zone).toBe(true);
  });

  it.each([
    ["USA", US],
    ["美国", US],
    ["美國", US],
    ["United States", US],
    ["Australia", AUSTRALIA],
    ["澳大利亚", AUSTRALIA],
  ])("offers a choice for %j, a country over several zones, most populated first", (input, choices) => {
    expect(parseTimeZone(input)).toEqual({ choices });
  });

  it.each(["Russia", "俄罗斯", "Canada", "加拿大", "Mexico", "Indonesia"])("offers a handful of zones for %j", (input) => {
    const answer = parseTimeZone(input);
    expect(answer).toHaveProperty("choices");
    const choices = (answer as { choices: string[] }).choices;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
    for (const zone of choices) expect(isTimeZone(zone)).toBe(true);
  });

  it("leads Russia with Moscow, and Canada with Toronto", () => {
    expect((parseTimeZone("Russia") as { choices: string[] }).choices[0]).toBe("Europe/Moscow");
    expect((parseTimeZone("加拿大") as { choices: string[] }).choices[0]).toBe("America/Toronto");
  });

  it("offers a choice for a city name found in several zones, unless one city dwarfs the others", () => {
    expect(parseTimeZone("San Jose")).toEqual({ choices: ["America/Los_Angeles", "America/Costa_Rica", "America/Guatemala", "America/La_Paz"] });
    expect(parseTimeZone("Springfield")).toEqual({ choices: ["America/New_York", "America/Chicago", "America/Los_Angeles"] });
    // London, Ontario and London, Kentucky are far smaller than London.
    expect(parseTimeZone("London")).toEqual({ zone: "Europe/London" });
  });

  it.each([
    "asdf",
    "",
    "   ",
    "UTC+15",
    "UTC-13",
    "UTC+5:17",
    "UTC+8:60",
    "-03:30",
    "+99",
    "西十三区",
    "Mars/Olympus",
    "time",
    "时间",
    "8",
    "Europe/Berlin; drop table",
  ])("refuses %j", (input) => {
    expect(parseTimeZone(input)).toBeNull();
  });
});
