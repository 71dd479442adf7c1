import type { IncomingMessage } from "node:http";

export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
    this.name = "BodyTooLarge";
  }
}

/**
 * The whole body of a request, counted as it streams in: a chunked body declares no length, so the count is the
 * only cap. Past `maxBytes` it stops keeping chunks and rejects with `BodyTooLarge`; a request that closes
 * before its end rejects too.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off("data", onData);
      chunks.length = 0;
      reject(new BodyTooLarge(maxBytes));
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    // Settling twice is harmless: whichever comes first wins.
    request.once("close", () => reject(new Error("request closed before its body ended")));
    request.on("error", reject);
  });
}
