/** What every parser of typed text does first, and the Chinese numerals they share. */

/**
 * Full-width letters, digits and signs folded to ASCII (ＵＴＣ＋８：００, １２／１), every dash and minus sign to "-",
 * runs of space to one: what a phone's Chinese keyboard or a copied text gives, read as the ASCII a person meant.
 */
export function foldInput(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 0 to 99 in digits or Chinese numerals (八, 十二, 二十, 二十三, 两); NaN for anything else. */
export function chineseNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.length === 1 && text in CHINESE_DIGITS) return CHINESE_DIGITS[text]!;
  const match = /^([一二两兩三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!match) return NaN;
  return (match[1] ? CHINESE_DIGITS[match[1]]! : 1) * 10 + (match[2] ? CHINESE_DIGITS[match[2]]! : 0);
}
