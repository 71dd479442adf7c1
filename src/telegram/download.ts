import type { Api } from "grammy";

export class FileTooLargeError extends Error {
  override name = "FileTooLargeError";
}

/**
 * Downloads a file the user sent, through the Bot API's file URL, reading at most `maxBytes`: a larger
 * file is refused while it streams, whatever size it claimed.
 */
export async function downloadFile(api: Api, apiRoot: string, token: string, fileId: string, maxBytes: number): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileTooLargeError(`file of ${file.file_size} bytes`);
  if (!file.file_path) throw new Error("Telegram gave no path for the file");
  const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
  if (!response.ok || !response.body) throw new Error(`file download failed with HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) throw new FileTooLargeError(`file over ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
