import type { IncomingMessage } from "node:http";
import { pipeline, type Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import { transportFailure } from "./request.js";
import { failed, type FetchFailure } from "./types.js";

// A body cut short by its server still yields what arrived, as browsers show it.
const LENIENT = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(LENIENT),
  "x-gzip": () => zlib.createGunzip(LENIENT),
  deflate: () => zlib.createInflate(LENIENT),
  br: () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
};

function decompressed(response: IncomingMessage, encoding: string): Readable | undefined {
  if (encoding === "identity") return response;
  const create = DECOMPRESSORS[encoding];
  // An error on either side destroys both and surfaces in the reading loop; nothing is left to do here.
  return create && pipeline(response, create(), () => {});
}

/**
 * The body, decompressed, up to `maxBytes`. The cap counts decompressed bytes, so a small compressed bomb is
 * cut like a big page; reading stops there and the connection is closed.
 */
export async function readBody(response: IncomingMessage, url: URL, maxBytes: number, signal: AbortSignal): Promise<Buffer | FetchFailure> {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const body = decompressed(response, encoding);
  if (!body) return failed(url, { reason: "unsupported-encoding", encoding });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= maxBytes) break;
    }
  } catch (error) {
    return transportFailure(error, url, signal);
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
