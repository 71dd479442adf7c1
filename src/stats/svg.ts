/** The little SVG writing the chart needs: escaping, text, and the arithmetic of axes and text widths. */

/** Escapes text for an SVG (XML) text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export const round = (value: number) => Math.round(value * 10) / 10;

type Attributes = Record<string, string | number>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? round(value) : escapeXml(value)}"`)
    .join("");
}

/** An element without content. */
export function element(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

/** A text element; `content` is plain text and is escaped here. */
export function text(content: string, attrs: Attributes): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

// East Asian wide letters (CJK, kana, hangul, full-width forms) take a whole em; Latin letters a little over half.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/**
 * About how wide a text is in the chart's font, to lay out legends and cut names before they run into the next
 * column. An estimate, on the safe side: the picture is drawn without measuring text.
 */
export function textWidth(content: string, fontSize: number): number {
  let ems = 0;
  for (const char of content) ems += WIDE.test(char) ? 1 : /[A-Z0-9#@%&mwMW]/.test(char) ? 0.66 : 0.56;
  return ems * fontSize;
}

/** The text, cut with "…" so that it fits `width`. */
export function fitText(content: string, fontSize: number, width: number): string {
  if (textWidth(content, fontSize) <= width) return content;
  const chars = Array.from(content);
  while (chars.length > 0 && textWidth(`${chars.join("")}…`, fontSize) > width) chars.pop();
  return `${chars.join("")}…`;
}

/** Round steps from 0 to at least `max` (1, 2 or 5 times a power of ten), at most `count` + 1 ticks. */
export function ticks(max: number, count: number): number[] {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!,
  );
  return Array.from({ length: Math.ceil(Math.max(max, 1) / step) + 1 }, (_, i) => i * step);
}
