import { describe, expect, it } from "vitest";
import { parseTimeOfDay } from "../../src/time/time-input.js";

const at = (hour: number, minute = 0) => hour * 60 + minute;

const english: [string, number][] = [
  ["9pm", at(21)],
  ["9 pm", at(21)],
  ["9 PM", at(21)],
  ["9 p.m.", at(21)],
  ["9:30pm", at(21, 30)],
  ["9.30pm", at(21, 30)],
  ["9:30 am", at(9, 30)],
  ["8 am", at(8)],
  ["12am", at(0)],
  ["12pm", at(12)],
  ["7.30", at(7, 30)],
  ["07:30", at(7, 30)],
  ["7:30", at(7, 30)],
  ["21:00", at(21)],
  ["23:59", at(23, 59)],
  ["0:00", at(0)],
  ["2100", at(21)],
  ["0730", at(7, 30)],
  ["8", at(8)],
  ["noon", at(12)],
  ["midday", at(12)],
  ["midnight", at(0)],
  ["at 9pm", at(21)],
];

const chinese: [string, number][] = [
  ["早上8点", at(8)],
  ["上午8点", at(8)],
  ["早8点", at(8)],
  ["8点", at(8)],
  ["8点半", at(8, 30)],
  ["八点半", at(8, 30)],
  ["九點半", at(9, 30)],
  ["20点", at(20)],
  ["二十点", at(20)],
  ["晚上9点半", at(21, 30)],
  ["晚上九點", at(21)],
  ["晚9点", at(21)],
  ["晚上十点", at(22)],
  ["晚上8:30", at(20, 30)],
  ["下午3点15", at(15, 15)],
  ["下午3点15分", at(15, 15)],
  ["下午三点四十五", at(15, 45)],
  ["下午两点", at(14)],
  ["下午3:30", at(15, 30)],
  ["中午12点", at(12)],
  ["十二点半", at(12, 30)],
  ["凌晨1点", at(1)],
  ["9点一刻", at(9, 15)],
  ["9点三刻", at(9, 45)],
  ["晚上12点", at(0)],
  ["半夜12点", at(0)],
  ["１９：３０", at(19, 30)],
];

describe("times of day as people type them", () => {
  it.each(english)("reads %j (English) as minute %i", (input, minute) => {
    expect(parseTimeOfDay(input)).toBe(minute);
  });

  it.each(chinese)("reads %j (Chinese) as minute %i", (input, minute) => {
    expect(parseTimeOfDay(input)).toBe(minute);
  });

  it.each([
    "25:00",
    "24:00",
    "9:75",
    "8:60",
    "abc",
    "",
    "eight",
    "-1",
    "25点",
    "9点75",
    "13pm",
    "tomorrow 9pm",
    "明天早上8点",
    "monday 9am",
    "9pm and 10pm",
    "on",
  ])("refuses %j", (input) => {
    expect(parseTimeOfDay(input)).toBeNull();
  });
});
