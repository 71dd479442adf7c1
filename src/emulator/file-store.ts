import type { Document, PhotoSize } from "@grammyjs/types";
import { badRequest } from "./api-error.js";

const MIME_TYPES: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  json: "application/json",
  html: "text/html",
  pdf: "application/pdf",
  zip: "application/zip",
  jpg: "image/jpeg",
  png: "image/png",
};

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  file_name?: string;
  mime_type: string;
  content: Buffer;
}

/** Files users sent and documents the bot uploaded, found by id (getFile) and by path (the download URL). */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();

  add(content: Buffer, fileName?: string, mimeType?: string): StoredFile {
    const n = this.byId.size + 1;
    const extension = fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
    const file: StoredFile = {
      file_id: `BQACAgEmu${n}${Math.random().toString(36).slice(2, 10)}`,
      file_unique_id: `AgADemu${n}`,
      file_size: content.length,
      file_path: `documents/file_${n}${extension ? `.${extension}` : ""}`,
      ...(fileName !== undefined ? { file_name: fileName } : {}),
      mime_type: mimeType || MIME_TYPES[extension?.toLowerCase() ?? ""] || "application/octet-stream",
      content,
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  byFileId(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  byFilePath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /** A file a bot sends: one it sent before (by id), or a part of the request (`attach://name` or the field itself). */
  async upload(ref: unknown, files: Map<string, File>, field: string): Promise<StoredFile> {
    if (typeof ref === "string" && !ref.startsWith("attach://")) {
      const known = this.byId.get(ref);
      if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
      return known;
    }
    const part = typeof ref === "string" ? files.get(ref.slice("attach://".length)) : files.get(field);
    if (!part) throw badRequest(`there is no ${field} in the request`);
    const content = Buffer.from(await part.arrayBuffer());
    if (content.length === 0) throw badRequest("file must be non-empty");
    // grammY labels every upload application/octet-stream; Telegram guesses from the name instead.
    const type = part.type === "application/octet-stream" ? "" : part.type;
    return this.add(content, part.name || undefined, type);
  }
}

/** The `document` of a message carrying a stored file. */
export function asDocument({ file_id, file_unique_id, file_name, mime_type, file_size }: StoredFile): Document {
  return { file_id, file_unique_id, mime_type, file_size, ...(file_name !== undefined ? { file_name } : {}) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width and height from its header (the IHDR chunk comes first), or null when the file is no PNG. */
export function pngSize(content: Buffer): { width: number; height: number } | null {
  if (content.length < 24 || !content.subarray(0, 8).equals(PNG_SIGNATURE) || content.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
}

/**
 * The `photo` of a message carrying a stored picture: one size, the picture's own. Telegram adds smaller copies
 * (90, 320, 800 pixels); the emulator does not resize, and reads PNG only, the one format the bot sends.
 */
export function asPhoto(file: StoredFile): PhotoSize[] {
  const size = pngSize(file.content);
  if (!size) throw badRequest("IMAGE_PROCESS_FAILED");
  return [{ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, ...size }];
}
