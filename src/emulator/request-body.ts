import type { IncomingMessage } from "node:http";

export type Payload = Record<string, any>;

// Fields Telegram decodes from JSON when they arrive as strings (always the case in form bodies).
const JSON_FIELDS = [
  "reply_markup",
  "entities",
  "caption_entities",
  "link_preview_options",
  "reply_parameters",
  "allowed_updates",
  "commands",
  "scope",
  "reaction",
  "media",
];

export async function readBody(req: IncomingMessage, url: URL): Promise<{ payload: Payload; files: Map<string, File> }> {
  const payload: Payload = Object.fromEntries(url.searchParams);
  const files = new Map<string, File>();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length > 0 && type.includes("application/json")) {
    Object.assign(payload, JSON.parse(body.toString("utf8")));
  } else if (body.length > 0 && type.includes("application/x-www-form-urlencoded")) {
    Object.assign(payload, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (body.length > 0 && type.includes("multipart/form-data")) {
    for (const part of multipartParts(body, type)) {
      if (part.filename === undefined) payload[part.name] = part.data.toString("utf8");
      else files.set(part.name, new File([part.data], part.filename, { type: part.type ?? "" }));
    }
  }
  for (const field of JSON_FIELDS) {
    if (typeof payload[field] === "string") payload[field] = parseJsonOr(payload[field]);
  }
  return { payload, files };
}

/**
 * Undici's `formData()` rejects what grammY sends (`form-data;name=...;filename=x.csv`, no spaces,
 * unquoted file name), which Telegram accepts, so multipart is split here by hand.
 */
function multipartParts(body: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart body without a boundary");
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // The first delimiter has no CRLF before it; adding one makes every delimiter look alike.
  const data = Buffer.concat([Buffer.from("\r\n"), body]);
  const parts: Array<{ name: string; filename?: string; type?: string; data: Buffer }> = [];
  for (let at = data.indexOf(delimiter); at >= 0;) {
    const start = at + delimiter.length;
    if (data.toString("latin1", start, start + 2) === "--") break;
    const next = data.indexOf(delimiter, start);
    if (next < 0) throw new Error("unterminated multipart body");
    const part = data.subarray(start + 2, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.toString("utf8", 0, headerEnd);
    const param = (key: string) => new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\r\\n]*))`, "i").exec(headers);
    const name = param("name");
    const filename = param("filename");
    const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    parts.push({
      name: name?.[1] ?? name?.[2] ?? "",
      ...(filename ? { filename: filename[1] ?? filename[2]?.trim() ?? "" } : {}),
      ...(type ? { type } : {}),
      data: part.subarray(headerEnd + 4),
    });
    at = next;
  }
  return parts;
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
