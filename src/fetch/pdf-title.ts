import { cleanText, MAX_LENGTH } from "./clean-text.js";

const INFO_REFERENCE = /\/Info\s+(\d+)\s+(\d+)\s+R\b/gu;
const TITLE_KEY = /\/Title\s*([(<])/u;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

/** Bytes of a literal string `(…)` as latin1 characters: nested parentheses balance, `\` escapes one or three octal digits. */
function literalString(text: string, from: number): string {
  let bytes = "";
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (char === "\\") {
      const octal = /^[0-7]{1,3}/u.exec(text.slice(at + 1, at + 4))?.[0];
      if (octal) bytes += String.fromCharCode(parseInt(octal, 8) & 0xff);
      else if (text[at + 1] !== "\n" && text[at + 1] !== "\r") bytes += ESCAPES[text[at + 1] ?? ""] ?? text[at + 1] ?? "";
      at += octal?.length ?? 1;
      continue;
    }
    if (char === ")" && depth === 0) break;
    if (char === "(") depth++;
    if (char === ")") depth--;
    bytes += char;
  }
  return bytes;
}

function hexString(text: string, from: number): string {
  const end = text.indexOf(">", from);
  const hex = text.slice(from, end === -1 ? undefined : end).replace(/[^0-9a-f]/giu, "");
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex").toString("latin1");
}

/** PDF text strings are UTF-16BE or (PDF 2.0) UTF-8 when they start with a byte order mark, else PDFDocEncoding, close to latin1. */
function textString(bytes: string): string {
  const buffer = Buffer.from(bytes, "latin1");
  if (bytes.startsWith("\xfe\xff")) return new TextDecoder("utf-16be").decode(buffer);
  if (bytes.startsWith("\xef\xbb\xbf")) return new TextDecoder("utf-8").decode(buffer);
  return bytes;
}

/**
 * The `/Title` of the document's Info dictionary, when the trailer naming it and the object itself are both in
 * the bytes read and the object is not packed in a compressed object stream. An outline entry's `/Title` is
 * never taken for it: only the object the trailer points to is read.
 */
export function pdfTitle(bytes: Buffer): string | undefined {
  const text = bytes.toString("latin1");
  // Incremental updates append a newer trailer, so the last reference is the current one.
  const info = [...text.matchAll(INFO_REFERENCE)].at(-1);
  if (!info) return undefined;
  const objects = [...text.matchAll(new RegExp(`(?<![0-9])${info[1]}\\s+${info[2]}\\s+obj\\b`, "gu"))];
  const start = objects.at(-1)?.index;
  if (start === undefined) return undefined;
  const end = text.indexOf("endobj", start);
  const object = text.slice(start, end === -1 ? undefined : end);
  const key = TITLE_KEY.exec(object);
  if (!key) return undefined;
  const from = key.index + key[0].length;
  return cleanText(textString(key[1] === "(" ? literalString(object, from) : hexString(object, from)), MAX_LENGTH.title);
}
