const CHARSET = /charset\s*=\s*["']?\s*([\w.:-]+)/iu;
const META_TAG = /<meta\b[^>]*>/giu;
// Far enough for a head with a few scripts before its meta; the HTML standard's prescan stops at 1024.
const PRESCAN_BYTES = 4096;
const BYTE_ORDER_MARKS: [string, string][] = [
  ["efbbbf", "utf-8"],
  ["feff", "utf-16be"],
  ["fffe", "utf-16le"],
];

/** The decoder's own name for a label (`gb2312` is `gbk`), or nothing for a label Node's ICU does not know. */
function encodingNamed(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function byteOrderMark(bytes: Buffer): string | undefined {
  const start = bytes.subarray(0, 3).toString("hex");
  return BYTE_ORDER_MARKS.find(([mark]) => start.startsWith(mark))?.[1];
}

/** A page that could state its charset in ASCII is not UTF-16, whatever it says; the standard reads it as UTF-8. */
function metaEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, PRESCAN_BYTES).toString("latin1");
  for (const [tag] of head.matchAll(META_TAG)) {
    const encoding = encodingNamed(CHARSET.exec(tag)?.[1]);
    if (encoding) return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  }
  return undefined;
}

/** A byte order mark wins, then the header's charset, then a `<meta>` near the top, then UTF-8. */
export function decodeHtml(bytes: Buffer, contentType: string | undefined): string {
  const header = encodingNamed(CHARSET.exec(contentType ?? "")?.[1]);
  return new TextDecoder(byteOrderMark(bytes) ?? header ?? metaEncoding(bytes) ?? "utf-8").decode(bytes);
}
