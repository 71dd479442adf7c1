const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as UTF-8 text without a BOM; null for content that is no text: invalid UTF-8 or a NUL byte. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Whether the bytes start as a zip archive does (a local file header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}
